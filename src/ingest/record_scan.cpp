// The byte scans under CsvReader: eight bytes at a time in a word (SWAR), or 32 with AVX2.
#include "crm/ingest/record_scan.h"

#include <immintrin.h>

#include <bit>
#include <cstring>

namespace crm::ingest {

namespace {

constexpr uint64_t kLow7Bits = 0x7F7F7F7F7F7F7F7FULL;
constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// `c` in each byte of a word.
constexpr uint64_t Broadcast(char c) { return 0x0101010101010101ULL * static_cast<unsigned char>(c); }

// The eight bytes of `input` at `pos` as a word, the first byte lowest, zero-padded past the end.
uint64_t LoadWord(std::string_view input, size_t pos) {
  static_assert(std::endian::native == std::endian::little, "the byte scan assumes little-endian words");
  uint64_t word = 0;
  if (pos + 8 <= input.size()) {
    std::memcpy(&word, input.data() + pos, 8);  // the common case: one load
  } else {
    std::memcpy(&word, input.data() + pos, input.size() - pos);
  }
  return word;
}

// The high bit of each byte of `word` that equals the byte of `pattern` (exact, no false positives).
uint64_t MatchBytes(uint64_t word, uint64_t pattern) {
  const uint64_t x = word ^ pattern;
  return ~(((x & kLow7Bits) + kLow7Bits) | x) & kHighBits;
}

// Appends the fields of the record from `pos` (its current field starting at `field_start`) up to the
// first field that holds a quote, or all of them when it is one line without quotes. Scans eight bytes at
// a time; `ascii`: the bytes from `field_start` to `pos` were all ASCII.
PlainScan ScanPlainFrom(std::string_view input, size_t pos, size_t field_start, bool ascii,
                        std::vector<std::string_view>& fields) {
  uint64_t high_bits = ascii ? 0 : kHighBits;
  for (; pos < input.size(); pos += 8) {
    const uint64_t word = LoadWord(input, pos);
    high_bits |= word & kHighBits;
    const uint64_t newlines = MatchBytes(word, Broadcast('\n'));
    const uint64_t line_bytes = newlines == 0 ? ~uint64_t{0} : (newlines & -newlines) - 1;  // before '\n'
    const uint64_t quotes = MatchBytes(word, Broadcast('"')) & line_bytes;
    uint64_t commas = MatchBytes(word, Broadcast(',')) & line_bytes;
    if (quotes != 0) commas &= (quotes & -quotes) - 1;  // those before the quote
    for (; commas != 0; commas &= commas - 1) {
      const size_t comma = pos + std::countr_zero(commas) / 8;
      fields.push_back(input.substr(field_start, comma - field_start));
      field_start = comma + 1;
    }
    if (quotes != 0) return {field_start, false, high_bits == 0};
    if (newlines != 0) {
      const size_t newline = pos + std::countr_zero(newlines) / 8;
      fields.push_back(input.substr(field_start, TrimLineEndCr(input, field_start, newline) - field_start));
      return {newline, true, high_bits == 0};
    }
  }
  fields.push_back(input.substr(field_start, TrimLineEndCr(input, field_start, input.size()) - field_start));
  return {input.size(), true, high_bits == 0};
}

}  // namespace

size_t TrimLineEndCr(std::string_view input, size_t begin, size_t end) {
  const bool at_line_end = end == input.size() || input[end] == '\n';
  return at_line_end && end > begin && input[end - 1] == '\r' ? end - 1 : end;
}

PlainScan ScanPlainRecord(std::string_view input, size_t start, std::vector<std::string_view>& fields) {
  return ScanPlainFrom(input, start, start, true, fields);
}

__attribute__((target("avx2"))) PlainScan ScanPlainRecordAvx2(std::string_view input, size_t start,
                                                              std::vector<std::string_view>& fields) {
  const __m256i newline_bytes = _mm256_set1_epi8('\n');
  const __m256i quote_bytes = _mm256_set1_epi8('"');
  const __m256i comma_bytes = _mm256_set1_epi8(',');
  size_t field_start = start;
  uint32_t high_bits = 0;
  size_t pos = start;
  for (; pos + 32 <= input.size(); pos += 32) {
    const __m256i block = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(input.data() + pos));
    high_bits |= static_cast<uint32_t>(_mm256_movemask_epi8(block));
    const auto newlines =
        static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(block, newline_bytes)));
    const uint32_t line_bytes = newlines == 0 ? ~uint32_t{0} : (newlines & -newlines) - 1;  // before '\n'
    const uint32_t quotes =
        static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(block, quote_bytes))) & line_bytes;
    uint32_t commas =
        static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(block, comma_bytes))) & line_bytes;
    if (quotes != 0) commas &= (quotes & -quotes) - 1;  // those before the quote
    for (; commas != 0; commas &= commas - 1) {
      const size_t comma = pos + static_cast<size_t>(std::countr_zero(commas));
      fields.push_back(input.substr(field_start, comma - field_start));
      field_start = comma + 1;
    }
    if (quotes != 0) return {field_start, false, high_bits == 0};
    if (newlines != 0) {
      const size_t newline = pos + static_cast<size_t>(std::countr_zero(newlines));
      fields.push_back(input.substr(field_start, TrimLineEndCr(input, field_start, newline) - field_start));
      return {newline, true, high_bits == 0};
    }
  }
  return ScanPlainFrom(input, pos, field_start, high_bits == 0, fields);
}

PlainScanner BestPlainScanner() {
  static const PlainScanner scanner = __builtin_cpu_supports("avx2") ? ScanPlainRecordAvx2 : ScanPlainRecord;
  return scanner;
}

size_t FindQuote(std::string_view input, size_t pos, int64_t& newlines) {
  for (; pos < input.size(); pos += 8) {
    const uint64_t word = LoadWord(input, pos);
    const uint64_t quotes = MatchBytes(word, Broadcast('"'));
    uint64_t line_feeds = MatchBytes(word, Broadcast('\n'));
    if (quotes != 0) line_feeds &= (quotes & -quotes) - 1;       // only those before the quote
    if (line_feeds != 0) newlines += std::popcount(line_feeds);  // rare; popcount can be a library call
    if (quotes != 0) return pos + std::countr_zero(quotes) / 8;
  }
  return std::string_view::npos;
}

}  // namespace crm::ingest
