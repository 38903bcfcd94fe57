#include "sealed_blob.h"

#include "../store/image_codec.h"

namespace crm::search {

namespace {

constexpr std::string_view kMagic("CRMSRCH\0", 8);
constexpr uint32_t kFormatVersion = 1;

}  // namespace

std::string SealBlob(const BlobLabel& label, std::string_view payload) {
  store::image::Writer writer;
  writer.PutBytes(kMagic.data(), kMagic.size());
  writer.Put<uint32_t>(kFormatVersion);
  writer.PutString(label.part);
  writer.PutString(label.embedder);
  writer.Put<uint32_t>(label.dimension);
  writer.Put<uint64_t>(label.count);
  writer.Put<uint64_t>(payload.size());
  writer.Put<uint64_t>(store::image::Checksum::Of(payload.data(), payload.size()));
  writer.PutBytes(payload.data(), payload.size());
  return std::move(writer.bytes());
}

Result<std::string_view> OpenBlob(std::string_view bytes, const BlobLabel& expected, uint64_t* count) {
  store::image::MemorySource source(bytes);
  store::image::Reader reader(source);
  const std::string name = "the saved " + expected.part;
  if (reader.GetBytes(kMagic.size()) != kMagic) return Error{name + " is not a search index part"};
  if (const auto version = reader.Get<uint32_t>(); version != kFormatVersion) {
    return Error{name + " has format version " + std::to_string(version) + ", not " +
                 std::to_string(kFormatVersion)};
  }
  if (reader.GetString() != expected.part) return Error{name + " holds another part"};
  if (const std::string embedder(reader.GetString()); embedder != expected.embedder) {
    return Error{name + " was built by embedder '" + embedder + "', not '" + expected.embedder + "'"};
  }
  if (const auto dimension = reader.Get<uint32_t>(); dimension != expected.dimension) {
    return Error{name + " has dimension " + std::to_string(dimension) + ", not " +
                 std::to_string(expected.dimension)};
  }
  *count = reader.Get<uint64_t>();
  const auto size = reader.Get<uint64_t>();
  const auto checksum = reader.Get<uint64_t>();
  if (!reader.ok() || size != reader.Remaining()) return Error{name + " is truncated"};
  const std::string_view payload = bytes.substr(bytes.size() - size);
  if (store::image::Checksum::Of(payload.data(), payload.size()) != checksum) {
    return Error{name + " is damaged (checksum mismatch)"};
  }
  return payload;
}

}  // namespace crm::search
