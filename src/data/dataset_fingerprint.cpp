#include "crm/data/dataset_fingerprint.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <future>
#include <memory>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "crm/common/sha256.h"

namespace crm {

namespace {

// The canonical byte stream of each part (the activities; everything else) is cut into blocks of this size,
// each block hashed on its own; the fingerprint is the SHA-256 of the blocks' hex digests one after the
// other. No copy of a whole stream is made, and the two parts are hashed at the same time.
constexpr size_t kBlockBytes = size_t{1} << 20;

// Names the layout of the canonical stream; a new layout takes a new name.
constexpr std::string_view kFormat = "crm-dataset-fingerprint-1";

// SHA-256 digests of the blocks of a byte stream given in pieces. Numbers go in as their bytes in the
// machine's order (little endian on every machine this builds for); strings as their length then their bytes.
class BlockDigest {
 public:
  BlockDigest() : block_(new char[kBlockBytes]) {}

  void Append(const void* bytes, size_t size) {
    const char* next = static_cast<const char*>(bytes);
    if (size >= kBlockBytes) {
      // A whole column: its full blocks are hashed where they lie, without a copy. Where blocks end
      // depends only on the sizes appended, so the same data still give the same digests.
      Flush();
      for (; size >= kBlockBytes; next += kBlockBytes, size -= kBlockBytes) {
        digests_ += Sha256Hex(std::string_view(next, kBlockBytes));
      }
    }
    while (size > 0) {
      const size_t taken = std::min(size, kBlockBytes - used_);
      std::memcpy(block_.get() + used_, next, taken);
      used_ += taken;
      next += taken;
      size -= taken;
      if (used_ == kBlockBytes) Flush();
    }
  }
  template <typename T>
  void AppendValue(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    Append(&value, sizeof value);
  }
  void AppendString(std::string_view text) {
    AppendValue<uint64_t>(text.size());
    Append(text.data(), text.size());
  }
  //! The hex digests of the blocks, one after the other; call once, at the end.
  std::string TakeBlockDigests() {
    Flush();
    return std::move(digests_);
  }
  //! Ends the current block here, as one Append of kBlockBytes or more does first: a column handed over in
  //! pieces then cuts the same blocks as the whole column would have.
  void Flush() {
    if (used_ == 0) return;
    digests_ += Sha256Hex(std::string_view(block_.get(), used_));
    used_ = 0;
  }

 private:
  std::unique_ptr<char[]> block_;
  size_t used_ = 0;
  std::string digests_;
};

// One bit pattern per number: every NaN is kNoNumber's, -0 is 0.
double Canonical(double value) {
  if (std::isnan(value)) return kNoNumber;
  return value == 0 ? 0.0 : value;
}

// A dictionary value by presence byte then text, so that a missing value differs from an empty one.
void AppendCode(BlockDigest& digest, const StringDictionary& dictionary, int32_t code) {
  digest.AppendValue<uint8_t>(code == kNoIndex ? 0 : 1);
  if (code != kNoIndex) digest.AppendString(dictionary.Value(code));
}

template <typename T>
void AppendColumn(BlockDigest& digest, const std::vector<T>& column) {
  static_assert(std::is_trivially_copyable_v<T>);
  digest.AppendValue<uint64_t>(column.size());
  digest.Append(column.data(), column.size() * sizeof(T));
}

void AppendColumn(BlockDigest& digest, const std::vector<double>& column) {
  digest.AppendValue<uint64_t>(column.size());
  std::array<double, 4096> batch;
  for (size_t start = 0; start < column.size(); start += batch.size()) {
    const size_t count = std::min(batch.size(), column.size() - start);
    std::transform(column.begin() + start, column.begin() + start + count, batch.begin(), Canonical);
    digest.Append(batch.data(), count * sizeof(double));
  }
}

// A narrow column of codes or rows, digested as the int32 column it was, so that fingerprints stay.
template <typename Narrow>
void AppendNarrowColumn(BlockDigest& digest, const std::vector<Narrow>& column) {
  digest.AppendValue<uint64_t>(column.size());
  if (column.size() * sizeof(int32_t) >= kBlockBytes) digest.Flush();
  std::array<int32_t, 4096> batch;  // 16 KiB: the blocks after the flush end where the batches do
  for (size_t start = 0; start < column.size(); start += batch.size()) {
    const size_t count = std::min(batch.size(), column.size() - start);
    std::transform(column.begin() + start, column.begin() + start + count, batch.begin(), FromNarrow<Narrow>);
    digest.Append(batch.data(), count * sizeof(int32_t));
  }
}

void AppendColumn(BlockDigest& digest, const StringColumn& column) {
  digest.AppendValue<uint64_t>(column.size());
  for (size_t row = 0; row < column.size(); ++row) digest.AppendString(column[row]);
}

// A dictionary-coded column without its codes, which depend on how the dictionary was filled: the values
// the rows use in the order they first appear, then each row's rank in that list (-1 when missing).
template <typename Code>
void AppendCodedColumn(BlockDigest& digest, const StringDictionary& dictionary,
                       const std::vector<Code>& codes) {
  std::vector<int32_t> rank_of_code(dictionary.size(), kNoIndex);
  std::vector<int32_t> ranks;
  ranks.reserve(codes.size());
  std::vector<int32_t> first_seen;
  for (Code value : codes) {
    const int32_t code = FromNarrow(value);
    if (code == kNoIndex) {
      ranks.push_back(kNoIndex);
      continue;
    }
    int32_t& rank = rank_of_code[static_cast<size_t>(code)];
    if (rank == kNoIndex) {
      rank = static_cast<int32_t>(first_seen.size());
      first_seen.push_back(code);
    }
    ranks.push_back(rank);
  }
  digest.AppendValue<uint64_t>(first_seen.size());
  for (int32_t code : first_seen) digest.AppendString(dictionary.Value(code));
  AppendColumn(digest, ranks);
}

void AppendAccounts(BlockDigest& digest, const Dataset& data) {
  digest.AppendString("accounts");
  digest.AppendValue<uint64_t>(data.accounts.size());
  for (const Account& account : data.accounts) {
    digest.AppendString(account.name);
    AppendCode(digest, data.sectors, account.sector);
    digest.AppendValue(account.year_established);
    digest.AppendValue(Canonical(account.revenue));
    digest.AppendValue(account.employees);
    AppendCode(digest, data.countries, account.office_location);
    digest.AppendString(account.subsidiary_of);
  }
}

void AppendProducts(BlockDigest& digest, const Dataset& data) {
  digest.AppendString("products");
  digest.AppendValue<uint64_t>(data.products.size());
  for (const Product& product : data.products) {
    digest.AppendString(product.name);
    AppendCode(digest, data.series, product.series);
    digest.AppendValue(Canonical(product.sales_price));
  }
}

void AppendSalesAgents(BlockDigest& digest, const Dataset& data) {
  digest.AppendString("sales_agents");
  digest.AppendValue<uint64_t>(data.sales_agents.size());
  for (const SalesAgent& agent : data.sales_agents) {
    digest.AppendString(agent.name);
    AppendCode(digest, data.managers, agent.manager);
    AppendCode(digest, data.regional_offices, agent.regional_office);
  }
}

void AppendOpportunities(BlockDigest& digest, const OpportunityColumns& deals) {
  digest.AppendString("opportunities");
  AppendColumn(digest, deals.id);
  AppendColumn(digest, deals.sales_agent);
  AppendColumn(digest, deals.product);
  AppendColumn(digest, deals.account);
  AppendColumn(digest, deals.deal_stage);
  AppendColumn(digest, deals.engage_date);
  AppendColumn(digest, deals.close_date);
  AppendColumn(digest, deals.close_value);
}

void AppendActivities(BlockDigest& digest, const Dataset& data) {
  const ActivityColumns& activities = data.activities;
  digest.AppendString("activities");
  AppendColumn(digest, activities.id);
  AppendColumn(digest, activities.date);
  AppendCodedColumn(digest, data.activity_types, activities.type);
  AppendNarrowColumn(digest, activities.sales_agent);
  AppendColumn(digest, activities.account);
  AppendColumn(digest, activities.opportunity);
  AppendCodedColumn(digest, data.activity_subjects, activities.subject);
}

}  // namespace

std::string DatasetFingerprint(const Dataset& data) {
  std::future<std::string> activities = std::async(std::launch::async, [&data] {
    BlockDigest digest;
    AppendActivities(digest, data);
    return digest.TakeBlockDigests();
  });
  BlockDigest digest;
  digest.AppendString(kFormat);
  AppendAccounts(digest, data);
  AppendProducts(digest, data);
  AppendSalesAgents(digest, data);
  AppendOpportunities(digest, data.opportunities);
  return Sha256Hex(digest.TakeBlockDigests() + activities.get());
}

}  // namespace crm
