#include "crm/store/store.h"

#include <future>

#include "crm/store/schema.h"
#include "crm/store/sqlite.h"
#include "dataset_image.h"
#include "dataset_reader.h"
#include "dataset_writer.h"
#include "import_history.h"

namespace crm::store {

namespace {

// How long a connection waits for another one's write lock before giving up.
constexpr int kBusyTimeoutMs = 10000;

// A new store gets 32 KiB pages (the largest default this SQLite build would pick; an existing store keeps
// its own): a bulk import writes and checkpoints an eighth as many WAL frames as with 4 KiB pages, about
// a second less for a million deals with their activities, and the tables are read whole anyway. WAL lets
// readers run during an import; NORMAL sync is safe in WAL mode (a crash loses at most the last commits,
// never consistency); the cache (up to 64 MiB) holds a large import's pages until commit; temp data stays
// in memory (an import sorts its index keys through temporary files: see SortInSmallRuns); reads go
// through a memory map (up to 2 GiB, the most this SQLite build maps), which saves a copy per page: the
// dataset image, written last, lies near the end of a large file.
constexpr const char* kPragmas =
    "PRAGMA page_size = 32768;"
    "PRAGMA journal_mode = WAL;"
    "PRAGMA synchronous = NORMAL;"
    "PRAGMA foreign_keys = ON;"
    "PRAGMA temp_store = MEMORY;"
    "PRAGMA cache_size = -65536;"
    "PRAGMA mmap_size = 2147418112;";

// Turns per-row foreign key checks off for one bulk write and back on when it goes away. The pragma has
// no effect inside a transaction, so this object must outlive the write's Transaction.
class ForeignKeysSuspended {
 public:
  explicit ForeignKeysSuspended(sqlite3* db) : db_(db) { (void)Execute(db_, "PRAGMA foreign_keys = OFF"); }
  ~ForeignKeysSuspended() { (void)Execute(db_, "PRAGMA foreign_keys = ON"); }
  ForeignKeysSuspended(const ForeignKeysSuspended&) = delete;
  ForeignKeysSuspended& operator=(const ForeignKeysSuspended&) = delete;

 private:
  sqlite3* db_;
};

}  // namespace

Store::Store(sqlite3* db, std::string path, int schema_version)
    : db_(db), path_(std::move(path)), schema_version_(schema_version) {}

Store::~Store() { sqlite3_close_v2(db_); }

Error Store::Failure(const char* action, const std::string& message) const {
  return Error{std::string(action) + " the store at '" + path_ + "': " + message};
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path) {
  sqlite3* db = nullptr;
  // NOMUTEX: a Store is used by one thread at a time, so SQLite's own locking would only cost time.
  const int opened = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  // The Store owns the handle from here on, so that every early return closes it.
  std::unique_ptr<Store> store(new Store(db, path, 0));
  if (opened != SQLITE_OK) return store->Failure("cannot open", LastError(db));
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  if (Status configured = Execute(db, kPragmas); !configured.ok()) {
    return store->Failure("cannot open", configured.error().message);
  }
  Result<int> version = ApplyMigrations(db, StoreMigrations());
  if (!version.ok()) return store->Failure("cannot open", version.error().message);
  store->schema_version_ = *version;
  return store;
}

Result<int64_t> Store::ReplaceAll(const Dataset& data, const ImportRecord& record) {
  // The image is encoded on a second thread while this one writes the rows (it only reads `data`).
  std::future<Result<EncodedImage>> image =
      std::async(std::launch::async, [&data] { return EncodeDatasetImage(data); });
  // WriteDataset checks every reference itself, at a fraction of the cost of SQLite's per-row checks.
  ForeignKeysSuspended unchecked(db_);
  Result<Transaction> transaction = Transaction::Begin(db_, "BEGIN IMMEDIATE");
  if (!transaction.ok()) return Failure("cannot save to", transaction.error().message);
  if (Status written = WriteDataset(db_, data); !written.ok()) {
    return Failure("cannot save to", written.error().message);
  }
  Result<int64_t> id = InsertImportRecord(db_, record);
  if (!id.ok()) return Failure("cannot save to", id.error().message);
  Result<EncodedImage> encoded = image.get();
  if (!encoded.ok()) return Failure("cannot save to", encoded.error().message);
  if (Status imaged = StoreDatasetImage(db_, *id, *encoded); !imaged.ok()) {
    return Failure("cannot save to", imaged.error().message);
  }
  if (Status committed = transaction->Commit(); !committed.ok()) {
    return Failure("cannot save to", committed.error().message);
  }
  // Copies the import into the database file and empties the WAL. The import is committed either way;
  // when a reader keeps the checkpoint from finishing, a later one completes it. So it does not wait for
  // readers (TRUNCATE would otherwise wait out the busy timeout while one holds an older snapshot).
  sqlite3_busy_timeout(db_, 0);
  (void)Execute(db_, "PRAGMA wal_checkpoint(TRUNCATE)");
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  return *id;
}

Result<Dataset> Store::Load(LoadInfo* info) const {
  LoadInfo ignored;
  LoadInfo& how = info != nullptr ? *info : ignored;
  how = LoadInfo();
  // One read transaction, so that every table comes from the same snapshot; it ends (nothing to
  // commit) when `transaction` goes away.
  Result<Transaction> transaction = Transaction::Begin(db_, "BEGIN");
  if (!transaction.ok()) return Failure("cannot load from", transaction.error().message);
  Result<int64_t> latest = QueryInt64(db_, "SELECT MAX(id) FROM import_history");
  if (!latest.ok()) return Failure("cannot load from", latest.error().message);
  if (*latest > 0) {
    ImageRead image = ReadDatasetImage(db_, *latest);
    if (image.data) {
      how.from_image = true;
      return std::move(*image.data);
    }
    // The rows are the source of truth: a damaged or outdated image only costs time.
    if (!image.problem.empty()) {
      how.image_problem = "the image of import " + std::to_string(*latest) + " is unusable: " + image.problem;
    }
  }
  Result<Dataset> data = ReadDataset(db_);
  if (!data.ok()) return Failure("cannot load from", data.error().message);
  return data;
}

Result<std::vector<ImportRecord>> Store::ImportHistory() const {
  Result<std::vector<ImportRecord>> records = ReadImportHistory(db_);
  if (!records.ok()) return Failure("cannot read the import history of", records.error().message);
  return records;
}

}  // namespace crm::store
