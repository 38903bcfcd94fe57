#pragma once
// The dataset image (internal to the store): a columnar copy of the CRM tables, written in the same
// transaction as the rows, that Load reads instead of the rows when it belongs to the latest import.
//
// The rows stay the source of truth; the image is a cache with its own checks. It lives in the
// dataset_image table as parts of at most kImagePartBytes: part 0 is a header (magic, format version,
// each part's size and checksum, the row counts, its own checksum), parts 1 … n the data stream: the
// dictionaries and master tables, then each column of opportunities and activities (integers packed to
// the narrowest width, strings as lengths and bytes). Triggers of migration 2 delete the image whenever a
// CRM row changes outside an import, so a stale image is never read.

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crm/common/result.h"
#include "crm/data/dataset.h"

namespace crm::store {

//! The layout this build writes and reads. Bump it when the layout changes or when Load starts to build
//! the Dataset differently from the rows: images of another version are ignored (Load reads the rows, the
//! next import writes a new image).
inline constexpr int kImageFormatVersion = 1;

//! The largest part of an image, in bytes (SQLite holds at most 1e9 bytes in one value).
inline constexpr size_t kImagePartBytes = size_t{64} << 20;

//! An image ready to store: its header (part 0) and data parts (1 … n).
struct EncodedImage {
  std::string header;              //!< empty when no image is kept (a big-endian host)
  std::vector<std::string> parts;  //!< each at most the part size given to EncodeDatasetImage
};

//! The image of `data`. Codes are renumbered in first-use order, as Load from the rows numbers them, so
//! that both ways give the same Dataset. Only reads `data`: it may run on another thread while the rows
//! are written. An Error for a code outside its dictionary.
Result<EncodedImage> EncodeDatasetImage(const Dataset& data, size_t part_bytes = kImagePartBytes);

//! Replaces any stored image with `image`, for import `import_id`. Call inside the import's write
//! transaction, after the rows were written: their checks (every reference in range) are what the image
//! relies on.
Status StoreDatasetImage(sqlite3* db, int64_t import_id, const EncodedImage& image);

//! EncodeDatasetImage then StoreDatasetImage.
Status WriteDatasetImage(sqlite3* db, int64_t import_id, const Dataset& data,
                         size_t part_bytes = kImagePartBytes);

//! What reading the image gave.
struct ImageRead {
  std::optional<Dataset> data;  //!< the Dataset (indexes built) when the image was usable
  std::string problem;          //!< why it was not, when an image of `import_id` exists; else empty
};

//! Reads the image of import `import_id`; call inside a read transaction.
ImageRead ReadDatasetImage(sqlite3* db, int64_t import_id);

}  // namespace crm::store
