#pragma once
// A fixed pseudo-random generator (xoshiro256** seeded through splitmix64): the same numbers everywhere.

#include <cstdint>

namespace crm::demo {

//! One splitmix64 step: advances `state` and returns a well-mixed 64-bit value.
inline uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

//! Deterministic random numbers; used instead of std:: distributions, whose output varies by library.
class Rng {
 public:
  //! A generator for `seed`; different `stream`s of the same seed give unrelated sequences.
  Rng(uint64_t seed, uint64_t stream) {
    uint64_t state = seed ^ (stream * 0xD1B54A32D192ED03ULL);
    for (uint64_t& word : s_) word = SplitMix64(state);
  }

  //! The next 64 random bits.
  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  //! A uniform integer in [0, bound) for bound > 0 (multiply-high mapping).
  uint64_t Below(uint64_t bound) {
    return static_cast<uint64_t>((static_cast<unsigned __int128>(Next()) * bound) >> 64);
  }

  //! A uniform integer in [low, high].
  int64_t Between(int64_t low, int64_t high) {
    return low + static_cast<int64_t>(Below(static_cast<uint64_t>(high - low) + 1));
  }

  //! A uniform double in [0, 1).
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  //! True with probability `p`.
  bool Chance(double p) { return Unit() < p; }

  //! A bell-shaped value with mean 0 and standard deviation 1, within ±3.47 (sum of four uniforms).
  double Bell() { return (Unit() + Unit() + Unit() + Unit() - 2.0) * 1.7320508075688772; }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  uint64_t s_[4];
};

}  // namespace crm::demo
