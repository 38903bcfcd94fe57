#pragma once
// Saved parts of a search index wrapped in a header (internal to search): what the part is, which
// embedder and dimension made it, how many items it holds, and a checksum, so that a part from another
// version, another embedder or a damaged file is refused instead of read.

#include <cstdint>
#include <string>
#include <string_view>

#include "crm/common/result.h"

namespace crm::search {

//! What a sealed part says about itself.
struct BlobLabel {
  std::string part;      //!< "documents", "account_vectors", …
  std::string embedder;  //!< the embedder's name
  uint32_t dimension = 0;
  uint64_t count = 0;  //!< items held (documents, vectors)
};

//! `payload` behind a header: magic, format version, the label, the payload's size and checksum.
std::string SealBlob(const BlobLabel& label, std::string_view payload);

//! The payload of a sealed part whose part, embedder and dimension are `expected`'s; its count goes into
//! `count`. An Error says what does not match or that the bytes are damaged.
Result<std::string_view> OpenBlob(std::string_view bytes, const BlobLabel& expected, uint64_t* count);

}  // namespace crm::search
