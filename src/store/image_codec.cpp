#include "image_codec.h"

#include <algorithm>

namespace crm::store::image {

namespace {

constexpr uint64_t kPrime1 = 0x9E3779B185EBCA87ull;
constexpr uint64_t kPrime2 = 0xC2B2AE3D27D4EB4Full;
constexpr uint64_t kPrime3 = 0x165667B19E3779F9ull;
constexpr uint64_t kPrime4 = 0x85EBCA77C2B2AE63ull;
constexpr uint64_t kPrime5 = 0x27D4EB2F165667C5ull;

uint64_t RotateLeft(uint64_t value, int bits) { return (value << bits) | (value >> (64 - bits)); }

uint64_t Round(uint64_t lane, uint64_t word) { return RotateLeft(lane + word * kPrime2, 31) * kPrime1; }

uint64_t Merge(uint64_t hash, uint64_t lane) { return (hash ^ Round(0, lane)) * kPrime1 + kPrime4; }

uint64_t Word(const unsigned char* at) {
  uint64_t word;
  std::memcpy(&word, at, sizeof word);
  return word;
}

}  // namespace

void Checksum::Update(const void* data, size_t size) {
  const auto* at = static_cast<const unsigned char*>(data);
  const unsigned char* const end = at + size;
  total_ += size;
  if (tail_size_ > 0) {  // completes the stripe that the previous piece began
    const size_t taken = std::min<size_t>(32 - tail_size_, size);
    std::memcpy(tail_ + tail_size_, at, taken);
    tail_size_ += taken;
    at += taken;
    if (tail_size_ < 32) return;
    Stripe(tail_);
    tail_size_ = 0;
  }
  for (; end - at >= 32; at += 32) Stripe(at);
  tail_size_ = static_cast<size_t>(end - at);
  std::memcpy(tail_, at, tail_size_);
}

void Checksum::Stripe(const unsigned char* at) {
  for (int lane = 0; lane < 4; ++lane) lanes_[lane] = Round(lanes_[lane], Word(at + 8 * lane));
}

uint64_t Checksum::Final() const {
  uint64_t hash;
  if (total_ >= 32) {
    hash = RotateLeft(lanes_[0], 1) + RotateLeft(lanes_[1], 7) + RotateLeft(lanes_[2], 12) +
           RotateLeft(lanes_[3], 18);
    for (uint64_t lane : lanes_) hash = Merge(hash, lane);
  } else {
    hash = kPrime5;
  }
  hash += total_;
  const unsigned char* at = tail_;
  const unsigned char* const end = tail_ + tail_size_;
  for (; end - at >= 8; at += 8) hash = RotateLeft(hash ^ Round(0, Word(at)), 27) * kPrime1 + kPrime4;
  for (; at < end; ++at) hash = RotateLeft(hash ^ (*at * kPrime5), 11) * kPrime1;
  hash ^= hash >> 33;
  hash *= kPrime2;
  hash ^= hash >> 29;
  hash *= kPrime3;
  hash ^= hash >> 32;
  return hash;
}

bool Reader::Refill(size_t size) {
  // Keeps the unread bytes, moved to the front, and reads after them.
  const size_t unread = end_ - begin_;
  std::memmove(window_.data(), window_.data() + begin_, unread);
  begin_ = 0;
  end_ = unread;
  if (size > window_.size()) {
    if (size - unread > source_.Remaining()) return false;  // never grow for a size the stream lacks
    window_.resize(size);
  }
  while (end_ < size) {
    const size_t read = source_.Read(window_.data() + end_, window_.size() - end_);
    if (read == 0) return false;
    end_ += read;
  }
  return true;
}

void Writer::PutString(std::string_view text) {
  Put<uint64_t>(text.size());
  PutBytes(text.data(), text.size());
}

}  // namespace crm::store::image
