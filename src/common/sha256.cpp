#include "crm/common/sha256.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <memory>

namespace crm {

namespace {

struct DigestContextDeleter {
  void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
using DigestContext = std::unique_ptr<EVP_MD_CTX, DigestContextDeleter>;

std::string ToHex(const unsigned char* digest, unsigned length) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(length * 2, '0');
  for (unsigned i = 0; i < length; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 15];
  }
  return hex;
}

std::string Finalize(EVP_MD_CTX* context) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned length = 0;
  EVP_DigestFinal_ex(context, digest, &length);
  return ToHex(digest, length);
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  DigestContext context(EVP_MD_CTX_new());
  EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr);
  EVP_DigestUpdate(context.get(), bytes.data(), bytes.size());
  return Finalize(context.get());
}

Result<std::string> Sha256File(const std::string& path, const std::function<void()>& before_chunk) {
  // The file is mapped rather than read: its pages are hashed where the page cache holds them, not copied,
  // and unmapped once hashed, so that a large file never counts in full in the process's memory.
  const int file = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (file < 0) return Error{path + ": cannot be read"};
  struct stat info;
  const bool regular = fstat(file, &info) == 0 && S_ISREG(info.st_mode);
  const auto size = regular ? static_cast<size_t>(info.st_size) : 0;
  void* mapped = size > 0 ? mmap(nullptr, size, PROT_READ, MAP_PRIVATE, file, 0) : nullptr;
  close(file);
  if (!regular || mapped == MAP_FAILED) return Error{path + ": cannot be read"};
  DigestContext context(EVP_MD_CTX_new());
  EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr);
  if (mapped != nullptr) {
    madvise(mapped, size, MADV_SEQUENTIAL);
    constexpr size_t kChunk = size_t{1} << 20;  // a multiple of the page size
    char* bytes = static_cast<char*>(mapped);
    for (size_t done = 0; done < size; done += kChunk) {
      if (before_chunk) before_chunk();
      const size_t chunk = std::min(kChunk, size - done);
      EVP_DigestUpdate(context.get(), bytes + done, chunk);
      madvise(bytes + done, chunk, MADV_DONTNEED);
    }
    munmap(mapped, size);
  }
  return Finalize(context.get());
}

}  // namespace crm
