#include "dataset_image.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <string_view>
#include <vector>

#include "crm/store/sqlite.h"
#include "image_codec.h"

namespace crm::store {

namespace {

using image::Reader;
using image::Writer;

constexpr uint64_t kMagic = 0x3147414D494D5243ull;  // "CRMIMAG1" read as a little-endian integer
constexpr int64_t kInt32Min = std::numeric_limits<int32_t>::min();
constexpr int64_t kInt32Max = std::numeric_limits<int32_t>::max();

// The image is raw little-endian memory; a big-endian host writes none and reads the rows.
constexpr bool kLittleEndian = std::endian::native == std::endian::little;

// A number as the rows give it back: SQLite stores NaN as NULL (read as kNoNumber) and -0.0 as 0.
double AsStored(double value) {
  if (!HasValue(value)) return kNoNumber;
  return value == 0 ? 0.0 : value;
}

// Renumbers one dictionary's codes in the order of their first use, which is how Load from the rows
// interns them; unused values are left out, as the rows do not hold them.
class CodeOrder {
 public:
  explicit CodeOrder(const StringDictionary& dictionary)
      : dictionary_(dictionary), numbers_(dictionary.size(), kNoIndex) {}

  //! Numbers `code` if it is new; false when it is not a code of the dictionary (kNoIndex is fine).
  bool Use(int32_t code) {
    if (code == kNoIndex) return true;
    if (code < 0 || static_cast<size_t>(code) >= numbers_.size()) return false;
    int32_t& number = numbers_[code];
    if (number == kNoIndex) {
      number = static_cast<int32_t>(used_.size());
      used_.push_back(code);
    }
    return true;
  }
  //! The new number of a used code (kNoIndex stays kNoIndex).
  int32_t operator()(int32_t code) const { return code == kNoIndex ? kNoIndex : numbers_[code]; }
  //! Writes the used values in their new order.
  void PutValues(Writer& out) const {
    out.Put<uint64_t>(used_.size());
    for (int32_t code : used_) out.PutString(dictionary_.Value(code));
  }

 private:
  const StringDictionary& dictionary_;
  std::vector<int32_t> numbers_;
  std::vector<int32_t> used_;
};

// The new numbering of every dictionary of `data`, or an Error naming a code outside its dictionary.
struct CodeOrders {
  explicit CodeOrders(const Dataset& data)
      : sectors(data.sectors),
        countries(data.countries),
        series(data.series),
        managers(data.managers),
        regional_offices(data.regional_offices),
        activity_types(data.activity_types),
        activity_subjects(data.activity_subjects) {}

  Status Number(const Dataset& data) {
    bool valid = true;
    for (const Account& account : data.accounts) {
      valid = sectors.Use(account.sector) && countries.Use(account.office_location) && valid;
    }
    for (const Product& product : data.products) valid = series.Use(product.series) && valid;
    for (const SalesAgent& agent : data.sales_agents) {
      valid = managers.Use(agent.manager) && regional_offices.Use(agent.regional_office) && valid;
    }
    for (uint8_t type : data.activities.type) valid = activity_types.Use(FromNarrow(type)) && valid;
    for (int32_t subject : data.activities.subject) valid = activity_subjects.Use(subject) && valid;
    if (!valid) return Error{"the dataset holds a code outside its dictionary"};
    return Status::Ok();
  }

  CodeOrder sectors, countries, series, managers, regional_offices, activity_types, activity_subjects;
};

// Accumulates the data stream and cuts it into parts of at most `part_bytes`, each with its checksum.
class PartCutter {
 public:
  explicit PartCutter(size_t part_bytes) : part_bytes_(std::max<size_t>(part_bytes, 1)) {}

  Writer& out() { return out_; }

  //! Moves every whole part accumulated so far into `image`, and the rest too when `last`.
  void Cut(EncodedImage& image, bool last) {
    std::string& bytes = out_.bytes();
    size_t offset = 0;
    while (bytes.size() - offset >= part_bytes_ || (last && offset < bytes.size())) {
      const size_t size = std::min(part_bytes_, bytes.size() - offset);
      image.parts.push_back(bytes.substr(offset, size));
      offset += size;
    }
    bytes.erase(0, offset);
  }

 private:
  size_t part_bytes_;
  Writer out_;
};

// The header: magic, version, each part's size and checksum, the row counts, its own checksum.
std::string EncodeHeader(const std::vector<std::string>& parts, const Dataset& data) {
  Writer header;
  header.Put<uint64_t>(kMagic);
  header.Put<uint32_t>(kImageFormatVersion);
  header.Put<uint64_t>(parts.size());
  for (const std::string& part : parts) {
    header.Put<uint64_t>(part.size());
    header.Put<uint64_t>(image::Checksum::Of(part.data(), part.size()));
  }
  for (size_t rows : {data.accounts.size(), data.products.size(), data.sales_agents.size(),
                      data.opportunities.size(), data.activities.size()}) {
    header.Put<uint64_t>(rows);
  }
  header.Put<uint64_t>(image::Checksum::Of(header.bytes().data(), header.bytes().size()));
  return std::move(header.bytes());
}

void PutStrings(Writer& out, const StringColumn& column) {
  out.PutIntegers(column.size(), -1,
                  [&column](size_t row) { return static_cast<int64_t>(column[row].size()); });
  size_t total = 0;
  for (size_t row = 0; row < column.size(); ++row) total += column[row].size();
  out.Put<uint64_t>(total);
  std::string& bytes = out.bytes();
  bytes.reserve(bytes.size() + total);
  for (size_t row = 0; row < column.size(); ++row) bytes.append(column[row]);
}

void PutNumbers(Writer& out, const std::vector<double>& values) {
  out.Put<uint64_t>(values.size());
  for (double value : values) out.Put<double>(AsStored(value));
}

// A narrow column of rows written as the int32 rows it holds: the image is the same as before it was narrow.
template <typename Narrow>
void PutNarrowColumn(Writer& out, const std::vector<Narrow>& values) {
  out.PutIntegers(values.size(), kNoIndex,
                  [&values](size_t row) { return int64_t{FromNarrow(values[row])}; });
}

template <typename T>
void PutColumn(Writer& out, const std::vector<T>& values, int64_t missing) {
  out.PutIntegers(values.size(), missing,
                  [&values](size_t row) { return static_cast<int64_t>(values[row]); });
}

template <typename T>
void PutCodes(Writer& out, const std::vector<T>& values, const CodeOrder& order) {
  out.PutIntegers(values.size(), kNoIndex,
                  [&](size_t row) { return static_cast<int64_t>(order(FromNarrow(values[row]))); });
}

void PutMasters(Writer& out, const Dataset& data, const CodeOrders& codes) {
  for (const CodeOrder* order : {&codes.sectors, &codes.countries, &codes.series, &codes.managers,
                                 &codes.regional_offices, &codes.activity_types, &codes.activity_subjects}) {
    order->PutValues(out);
  }
  out.Put<uint64_t>(data.accounts.size());
  for (const Account& account : data.accounts) {
    out.PutString(account.name);
    out.Put<int32_t>(codes.sectors(account.sector));
    out.Put<int32_t>(account.year_established);
    out.Put<double>(AsStored(account.revenue));
    out.Put<int64_t>(account.employees);
    out.Put<int32_t>(codes.countries(account.office_location));
    out.PutString(account.subsidiary_of);
  }
  out.Put<uint64_t>(data.products.size());
  for (const Product& product : data.products) {
    out.PutString(product.name);
    out.Put<int32_t>(codes.series(product.series));
    out.Put<double>(AsStored(product.sales_price));
  }
  out.Put<uint64_t>(data.sales_agents.size());
  for (const SalesAgent& agent : data.sales_agents) {
    out.PutString(agent.name);
    out.Put<int32_t>(codes.managers(agent.manager));
    out.Put<int32_t>(codes.regional_offices(agent.regional_office));
  }
}

// ---- Reading ----

struct Header {
  std::vector<std::pair<uint64_t, uint64_t>> parts;  // size, checksum
  uint64_t total = 0;
  uint64_t accounts = 0, products = 0, agents = 0, opportunities = 0, activities = 0;
};

// The header of an image, or an Error saying what is wrong with it.
Result<Header> ParseHeader(const char* bytes, size_t size) {
  if (size < 2 * sizeof(uint64_t)) return Error{"its header is truncated"};
  const size_t body = size - sizeof(uint64_t);
  uint64_t checksum;
  std::memcpy(&checksum, bytes + body, sizeof checksum);
  if (checksum != image::Checksum::Of(bytes, body)) return Error{"its header fails its checksum"};
  image::MemorySource source(std::string_view(bytes, body));
  Reader in(source);
  if (in.Get<uint64_t>() != kMagic) return Error{"its header does not start with the image magic"};
  if (in.Get<uint32_t>() != static_cast<uint32_t>(kImageFormatVersion)) {
    return Error{"its header names another format version"};
  }
  Header header;
  const uint64_t parts = in.Get<uint64_t>();
  if (!in.ok() || parts > body / (2 * sizeof(uint64_t))) return Error{"its header is truncated"};
  for (uint64_t part = 0; part < parts; ++part) {
    const uint64_t part_size = in.Get<uint64_t>();
    header.parts.push_back({part_size, in.Get<uint64_t>()});
    header.total += part_size;
  }
  for (uint64_t* rows :
       {&header.accounts, &header.products, &header.agents, &header.opportunities, &header.activities}) {
    *rows = in.Get<uint64_t>();
    // Rows are numbered by int32 in a Dataset; a larger count can only be damage.
    if (*rows > static_cast<uint64_t>(kInt32Max)) return Error{"its header is malformed"};
  }
  if (!in.AtEnd()) return Error{"its header is malformed"};
  return header;
}

// The data stream of an image: parts 1 … n read in order straight out of SQLite (incremental blob I/O,
// no copy of a whole part), each checked against the size and checksum the header gives.
class PartSource : public image::Source {
 public:
  PartSource(sqlite3* db, const Header& header) : db_(db), header_(header), remaining_(header.total) {}
  PartSource(const PartSource&) = delete;
  PartSource& operator=(const PartSource&) = delete;
  ~PartSource() override { sqlite3_blob_close(blob_); }

  //! Finds the parts of import `import_id`; an Error when one is missing, extra or of the wrong size.
  Status Open(int64_t import_id) {
    Result<Statement> query = Prepare(db_,
                                      "SELECT part, rowid, length(bytes) FROM dataset_image "
                                      "WHERE import_id = ?1 AND part > 0 ORDER BY part");
    if (!query.ok()) return query.error();
    sqlite3_bind_int64(query->get(), 1, import_id);
    int step;
    while ((step = sqlite3_step(query->get())) == SQLITE_ROW) {
      const int64_t part = sqlite3_column_int64(query->get(), 0);
      const size_t index = rowids_.size();
      if (index == header_.parts.size()) return Error{"part " + std::to_string(part) + " is unexpected"};
      if (part != static_cast<int64_t>(index) + 1)
        return Error{"part " + std::to_string(index + 1) + " is missing"};
      if (static_cast<uint64_t>(sqlite3_column_int64(query->get(), 2)) != header_.parts[index].first) {
        return Error{"part " + std::to_string(part) + " has the wrong size"};
      }
      rowids_.push_back(sqlite3_column_int64(query->get(), 1));
    }
    if (step != SQLITE_DONE) return Error{LastError(db_)};
    if (rowids_.size() != header_.parts.size()) {
      return Error{"part " + std::to_string(rowids_.size() + 1) + " is missing"};
    }
    return Status::Ok();
  }

  size_t Read(char* into, size_t size) override {
    while (problem_.empty() && part_ < rowids_.size()) {
      const uint64_t part_size = header_.parts[part_].first;
      if (offset_ == part_size) {  // an empty part
        FinishPart();
        continue;
      }
      if (offset_ == 0 && !OpenPart()) return 0;
      const size_t count = static_cast<size_t>(std::min<uint64_t>(size, part_size - offset_));
      if (sqlite3_blob_read(blob_, into, static_cast<int>(count), static_cast<int>(offset_)) != SQLITE_OK) {
        problem_ = LastError(db_);
        return 0;
      }
      checksum_.Update(into, count);
      offset_ += count;
      remaining_ -= count;
      // A part is checked as soon as its last byte is read, so that a damaged last part is caught too.
      if (offset_ == part_size) FinishPart();
      return problem_.empty() ? count : 0;
    }
    return 0;
  }

  uint64_t Remaining() const override { return remaining_; }
  //! The first failure (SQLite's message, a part failing its checksum), or empty.
  const std::string& problem() const { return problem_; }

 private:
  bool OpenPart() {
    const int opened =
        blob_ == nullptr ? sqlite3_blob_open(db_, "main", "dataset_image", "bytes", rowids_[part_], 0, &blob_)
                         : sqlite3_blob_reopen(blob_, rowids_[part_]);
    if (opened != SQLITE_OK) problem_ = LastError(db_);
    return opened == SQLITE_OK;
  }

  void FinishPart() {
    if (checksum_.Final() != header_.parts[part_].second) {
      problem_ = "part " + std::to_string(part_ + 1) + " fails its checksum";
      return;
    }
    checksum_ = image::Checksum();
    offset_ = 0;
    ++part_;
  }

  sqlite3* db_;
  const Header& header_;
  std::vector<sqlite3_int64> rowids_;
  sqlite3_blob* blob_ = nullptr;
  size_t part_ = 0;      //!< the part being read (index into rowids_)
  uint64_t offset_ = 0;  //!< bytes of it read so far
  uint64_t remaining_;
  image::Checksum checksum_;
  std::string problem_;
};

// Reads a dictionary; a repeated value (which would shift the codes after it) fails the reader.
void GetDictionary(Reader& in, StringDictionary& dictionary) {
  const uint64_t count = in.Get<uint64_t>();
  for (uint64_t code = 0; code < count && in.ok(); ++code) {
    if (dictionary.Intern(in.GetString()) != static_cast<int32_t>(code)) in.Fail();
  }
}

// A code of `dictionary` or kNoIndex.
int32_t GetCode(Reader& in, const StringDictionary& dictionary) {
  const int32_t code = in.Get<int32_t>();
  if (code < kNoIndex || code >= static_cast<int64_t>(dictionary.size())) in.Fail();
  return code;
}

void GetMasters(Reader& in, const Header& header, Dataset& data) {
  for (StringDictionary* dictionary :
       {&data.sectors, &data.countries, &data.series, &data.managers, &data.regional_offices,
        &data.activity_types, &data.activity_subjects}) {
    GetDictionary(in, *dictionary);
  }
  if (in.Get<uint64_t>() != header.accounts) in.Fail();
  for (uint64_t row = 0; row < header.accounts && in.ok(); ++row) {
    Account& account = data.accounts.emplace_back();
    account.name = in.GetString();
    account.sector = GetCode(in, data.sectors);
    account.year_established = in.Get<int32_t>();
    account.revenue = in.Get<double>();
    account.employees = in.Get<int64_t>();
    account.office_location = GetCode(in, data.countries);
    account.subsidiary_of = in.GetString();
  }
  if (in.Get<uint64_t>() != header.products) in.Fail();
  for (uint64_t row = 0; row < header.products && in.ok(); ++row) {
    Product& product = data.products.emplace_back();
    product.name = in.GetString();
    product.series = GetCode(in, data.series);
    product.sales_price = in.Get<double>();
  }
  if (in.Get<uint64_t>() != header.agents) in.Fail();
  for (uint64_t row = 0; row < header.agents && in.ok(); ++row) {
    SalesAgent& agent = data.sales_agents.emplace_back();
    agent.name = in.GetString();
    agent.manager = GetCode(in, data.managers);
    agent.regional_office = GetCode(in, data.regional_offices);
  }
}

void GetStrings(Reader& in, size_t count, StringColumn& column) {
  std::vector<uint32_t> lengths;
  in.GetIntegers(count, -1, 0, std::numeric_limits<uint32_t>::max(), lengths);
  const uint64_t total = in.Get<uint64_t>();
  uint64_t sum = 0;
  for (uint32_t length : lengths) sum += length;
  if (!in.ok() || sum != total || total > in.Remaining()) {
    in.Fail();
    return;
  }
  column = StringColumn();
  column.Reserve(count, total);
  for (uint32_t length : lengths) column.Append(in.GetBytes(length));
}

void GetNumbers(Reader& in, size_t count, std::vector<double>& values) {
  if (in.Get<uint64_t>() != count) in.Fail();
  in.GetArray(count, values);
}

// The last row index of a table with `rows` rows (-1 when empty).
int64_t LastRow(size_t rows) { return static_cast<int64_t>(rows) - 1; }

void GetOpportunities(Reader& in, const Header& header, Dataset& data) {
  const size_t count = header.opportunities;
  OpportunityColumns& deals = data.opportunities;
  GetStrings(in, count, deals.id);
  in.GetIntegers(count, kNoIndex, 0, LastRow(data.sales_agents.size()), deals.sales_agent);
  in.GetIntegers(count, kNoIndex, 0, LastRow(data.products.size()), deals.product);
  in.GetIntegers(count, kNoIndex, kNoIndex, LastRow(data.accounts.size()), deals.account);
  in.GetIntegers(count, kNoIndex, 0, kDealStageCount - 1, deals.deal_stage);
  in.GetIntegers(count, kNoDay, kInt32Min, kInt32Max, deals.engage_date);
  in.GetIntegers(count, kNoDay, kInt32Min, kInt32Max, deals.close_date);
  GetNumbers(in, count, deals.close_value);
}

void GetActivities(Reader& in, const Header& header, Dataset& data) {
  const size_t count = header.activities;
  ActivityColumns& activities = data.activities;
  GetStrings(in, count, activities.id);
  in.GetIntegers(count, kNoDay, kInt32Min + 1, kInt32Max, activities.date);  // never missing
  // Narrow columns: a code or row that does not fit fails the image (the rows then say which).
  in.GetIntegers(count, kNoIndex, 0,
                 std::min<int64_t>(LastRow(data.activity_types.size()), kNoNarrow<uint8_t> - 1),
                 activities.type);
  in.GetIntegers(count, kNoIndex, 0,
                 std::min<int64_t>(LastRow(data.sales_agents.size()), kNoNarrow<uint16_t> - 1),
                 activities.sales_agent);
  in.GetIntegers(count, kNoIndex, kNoIndex, LastRow(data.accounts.size()), activities.account);
  in.GetIntegers(count, kNoIndex, kNoIndex, LastRow(data.opportunities.size()), activities.opportunity);
  in.GetIntegers(count, kNoIndex, 0, LastRow(data.activity_subjects.size()), activities.subject);
}

}  // namespace

Result<EncodedImage> EncodeDatasetImage(const Dataset& data, size_t part_bytes) {
  EncodedImage image;
  if (!kLittleEndian) return image;
  CodeOrders codes(data);
  if (Status numbered = codes.Number(data); !numbered.ok()) return numbered.error();
  PartCutter parts(part_bytes);
  Writer& out = parts.out();
  const OpportunityColumns& deals = data.opportunities;
  const ActivityColumns& activities = data.activities;
  // Parts are cut after each column, so that the buffer never holds much more than one column.
  const std::function<void()> sections[] = {
      [&] { PutMasters(out, data, codes); },
      [&] { PutStrings(out, deals.id); },
      [&] { PutColumn(out, deals.sales_agent, kNoIndex); },
      [&] { PutColumn(out, deals.product, kNoIndex); },
      [&] { PutColumn(out, deals.account, kNoIndex); },
      [&] { PutColumn(out, deals.deal_stage, kNoIndex); },
      [&] { PutColumn(out, deals.engage_date, kNoDay); },
      [&] { PutColumn(out, deals.close_date, kNoDay); },
      [&] { PutNumbers(out, deals.close_value); },
      [&] { PutStrings(out, activities.id); },
      [&] { PutColumn(out, activities.date, kNoDay); },
      [&] { PutCodes(out, activities.type, codes.activity_types); },
      [&] { PutNarrowColumn(out, activities.sales_agent); },
      [&] { PutColumn(out, activities.account, kNoIndex); },
      [&] { PutColumn(out, activities.opportunity, kNoIndex); },
      [&] { PutCodes(out, activities.subject, codes.activity_subjects); },
  };
  for (const auto& section : sections) {
    section();
    parts.Cut(image, false);
  }
  parts.Cut(image, true);
  image.header = EncodeHeader(image.parts, data);
  return image;
}

Status StoreDatasetImage(sqlite3* db, int64_t import_id, const EncodedImage& image) {
  if (Status cleared = Execute(db, "DELETE FROM dataset_image"); !cleared.ok()) return cleared;
  if (image.header.empty()) return Status::Ok();  // nothing encoded (a big-endian host)
  Result<Statement> insert = Prepare(
      db, "INSERT INTO dataset_image (import_id, format_version, part, bytes) VALUES (?1, ?2, ?3, ?4)");
  if (!insert.ok()) return insert.error();
  sqlite3_stmt* statement = insert->get();
  for (size_t part = 0; part <= image.parts.size(); ++part) {
    const std::string& bytes = part == 0 ? image.header : image.parts[part - 1];
    sqlite3_bind_int64(statement, 1, import_id);
    sqlite3_bind_int(statement, 2, kImageFormatVersion);
    sqlite3_bind_int64(statement, 3, static_cast<int64_t>(part));
    // Never a null pointer, which would store NULL where the column wants a blob.
    sqlite3_bind_blob64(statement, 4, bytes.empty() ? "" : bytes.data(), bytes.size(), SQLITE_STATIC);
    const int step = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (step != SQLITE_DONE) return Error{"dataset image: " + LastError(db)};
  }
  return Status::Ok();
}

Status WriteDatasetImage(sqlite3* db, int64_t import_id, const Dataset& data, size_t part_bytes) {
  Result<EncodedImage> image = EncodeDatasetImage(data, part_bytes);
  if (!image.ok()) return image.error();
  return StoreDatasetImage(db, import_id, *image);
}

ImageRead ReadDatasetImage(sqlite3* db, int64_t import_id) {
  ImageRead read;
  if (!kLittleEndian) return read;
  Result<Statement> query =
      Prepare(db, "SELECT format_version, bytes FROM dataset_image WHERE import_id = ?1 AND part = 0");
  if (!query.ok()) {
    read.problem = query.error().message;
    return read;
  }
  sqlite3_bind_int64(query->get(), 1, import_id);
  const int step = sqlite3_step(query->get());
  if (step == SQLITE_DONE) return read;  // no image: nothing wrong
  if (step != SQLITE_ROW) {
    read.problem = LastError(db);
    return read;
  }
  const int64_t version = sqlite3_column_int64(query->get(), 0);
  if (version != kImageFormatVersion) {
    read.problem = "it has format version " + std::to_string(version) + " where this program reads version " +
                   std::to_string(kImageFormatVersion);
    return read;
  }
  const auto* header_bytes = static_cast<const char*>(sqlite3_column_blob(query->get(), 1));
  Result<Header> header =
      ParseHeader(header_bytes, static_cast<size_t>(sqlite3_column_bytes(query->get(), 1)));
  if (!header.ok()) {
    read.problem = header.error().message;
    return read;
  }
  PartSource source(db, *header);
  if (Status opened = source.Open(import_id); !opened.ok()) {
    read.problem = opened.error().message;
    return read;
  }
  Dataset data;
  Reader in(source);
  GetMasters(in, *header, data);
  if (in.ok()) GetOpportunities(in, *header, data);
  if (in.ok()) GetActivities(in, *header, data);
  if (!source.problem().empty()) {
    read.problem = source.problem();
    return read;
  }
  if (!in.AtEnd()) {
    read.problem = "its data does not match its header";
    return read;
  }
  data.BuildIndexes();
  read.data = std::move(data);
  return read;
}

}  // namespace crm::store
