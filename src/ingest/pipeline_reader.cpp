// Reader of sales_pipeline.csv: the opportunities, validated row by row and resolved against the masters.
// A large file is read by two threads, each parsing one half; the halves are then joined as if one
// thread had read the whole file (same rows, problems and report).
#include <array>

#include "crm/common/progress.h"
#include "crm/ingest/reference_resolver.h"
#include "crm/ingest/row_fields.h"
#include "crm/ingest/split_read.h"
#include "crm/ingest/stage_reader.h"
#include "crm/ingest/table_readers.h"

namespace crm::ingest {

namespace {

enum Column : size_t { kId, kAgent, kProduct, kAccount, kStage, kEngage, kClose, kValue };
constexpr std::array<std::string_view, 8> kColumns = {"opportunity_id", "sales_agent", "product",
                                                      "account",        "deal_stage",  "engage_date",
                                                      "close_date",     "close_value"};

//! One deal as parsed, before it is appended.
struct Deal {
  int32_t agent = kNoIndex, product = kNoIndex, account = kNoIndex;
  DealStage stage = DealStage::kProspecting;
  int32_t engage = kNoDay, close = kNoDay;
  double value = kNoNumber;
};

//! Resolves and checks the fields of pipeline rows; one per thread, on cache lines of its own.
class alignas(64) DealParser {
 public:
  explicit DealParser(const Dataset& data)
      : agents_(NamesOf(data.sales_agents)),
        products_(NamesOf(data.products)),
        accounts_(NamesOf(data.accounts)) {}

  //! The deal of the current row, or nullopt after reporting why it cannot be used.
  std::optional<Deal> Parse(TableReader& reader) {
    Deal deal;
    if (!Reference(reader, kAgent, agents_, "a sales agent of sales_teams.csv", deal.agent))
      return std::nullopt;
    if (!Reference(reader, kProduct, products_, "a product of products.csv", deal.product))
      return std::nullopt;
    const std::string_view account = reader.Field(kAccount);
    if (!account.empty()) {
      deal.account = accounts_.Resolve(account);
      if (deal.account == kNoIndex)
        return Reject(reader, kAccount, account, "is not an account of accounts.csv");
    }
    const std::string_view stage = reader.Field(kStage);
    if (!RequireValue(reader, kStage, stage)) return std::nullopt;
    const auto parsed_stage = stages_.Read(stage);
    if (!parsed_stage)
      return Reject(reader, kStage, stage, "is not a deal stage (Prospecting, Engaging, Won, Lost)");
    deal.stage = *parsed_stage;
    const std::string_view engage = reader.Field(kEngage), close = reader.Field(kClose);
    if (!ParseOptionalDate(reader, kEngage, engage, deal.engage)) return std::nullopt;
    if (!ParseOptionalDate(reader, kClose, close, deal.close)) return std::nullopt;
    if (!ParseOptionalAmount(reader, kValue, reader.Field(kValue), deal.value)) return std::nullopt;
    if (deal.engage != kNoDay && deal.close != kNoDay && deal.close < deal.engage) {
      return Reject(reader, kClose, close, "is before engage_date " + std::string(engage));
    }
    if (deal.stage == DealStage::kWon && !HasValue(deal.value)) {
      reader.Problem(kValue, "a Won deal has no close_value");
      return std::nullopt;
    }
    return deal;
  }

  //! Takes over the spelling variants met by the parser of the file's second half.
  void Absorb(const DealParser& tail) {
    agents_.Absorb(tail.agents_);
    products_.Absorb(tail.products_);
    accounts_.Absorb(tail.accounts_);
    stages_.Absorb(tail.stages_);
  }

  //! Adds the cleaning entries for every spelling variant resolved.
  void ReportVariants(const std::string& file, std::vector<CleaningEntry>& cleaning) const {
    stages_.ReportVariants(file, cleaning);
    agents_.ReportVariants(file, "sales_agent", cleaning);
    products_.ReportVariants(file, "product", cleaning);
    accounts_.ReportVariants(file, "account", cleaning);
  }

 private:
  static std::nullopt_t Reject(TableReader& reader, size_t column, std::string_view value,
                               const std::string& why) {
    reader.Problem(column, "'" + std::string(value) + "' " + why);
    return std::nullopt;
  }

  static bool Reference(TableReader& reader, size_t column, ReferenceResolver& resolver, const char* what,
                        int32_t& row) {
    const std::string_view name = reader.Field(column);
    if (!RequireValue(reader, column, name)) return false;
    row = resolver.Resolve(name);
    if (row != kNoIndex) return true;
    Reject(reader, column, name, std::string("is not ") + what);
    return false;
  }

  ReferenceResolver agents_, products_, accounts_;
  StageReader stages_;
};

bool SameDeal(const OpportunityColumns& o, int32_t row, const Deal& d) {
  const bool same_value =
      o.close_value[row] == d.value || (!HasValue(o.close_value[row]) && !HasValue(d.value));
  return o.sales_agent[row] == d.agent && o.product[row] == d.product && o.account[row] == d.account &&
         o.deal_stage[row] == d.stage && o.engage_date[row] == d.engage && o.close_date[row] == d.close &&
         same_value;
}

// Removes deals whose id repeats an earlier deal's: an exact repeat is a duplicate row, a repeat with
// other values a problem. Rebuilds the indexes when anything was removed.
void RemoveRepeatedIds(Dataset& data, TableReader& reader, LineMap& lines) {
  const auto repeated = data.RepeatedOpportunityIds();
  if (repeated.empty()) return;
  const OpportunityColumns& deals = data.opportunities;
  const std::vector<int32_t> removed = reader.JudgeRepeatedIds(
      repeated, kId, lines, [&](int32_t row) { return deals.id[row]; },
      [&](int32_t row, int32_t first) {
        const Deal deal{deals.sales_agent[row], deals.product[row],     deals.account[row],
                        deals.deal_stage[row],  deals.engage_date[row], deals.close_date[row],
                        deals.close_value[row]};
        return SameDeal(deals, first, deal);
      });
  lines = lines.WithoutRows(removed, static_cast<int64_t>(deals.size()));
  data.opportunities.EraseRows(removed);
  data.BuildIndexes();
}

void Append(OpportunityColumns& deals, std::string_view id, const Deal& deal) {
  deals.id.Append(id);
  deals.sales_agent.push_back(deal.agent);
  deals.product.push_back(deal.product);
  deals.account.push_back(deal.account);
  deals.deal_stage.push_back(deal.stage);
  deals.engage_date.push_back(deal.engage);
  deals.close_date.push_back(deal.close);
  deals.close_value.push_back(deal.value);
}

//! The deals read from one part of the file, with the source line of each; one per thread, on cache lines
//! of its own (written on every row).
struct alignas(64) DealPart {
  OpportunityColumns rows;
  LineMap lines;
};

// Appends the usable deals `reader` reads to `part`, until the reader stops or `log` turns fatal.
void ReadDeals(TableReader& reader, ProblemLog& log, DealParser& parser, DealPart& part,
               ReadProgress& progress, bool tail) {
  while (!log.fatal() && reader.Next()) {
    progress.Update(reader, tail);
    const std::string_view id = reader.Field(kId);
    if (!RequireValue(reader, kId, id)) continue;
    const std::optional<Deal> deal = parser.Parse(reader);
    if (!deal) continue;
    if (IsClosed(deal->stage) && deal->close == kNoDay) {
      reader.Problem(kClose, "a " + std::string(DealStageName(deal->stage)) + " deal has no close_date",
                     false);
    }
    Append(part.rows, id, *deal);
    part.lines.Add(static_cast<int64_t>(part.rows.size()) - 1, reader.line());
  }
}

// Appends the deals of the file's second part after those of the first; `line_offset` is the line where
// the second part begins.
void JoinParts(DealPart& head, DealPart& tail, int64_t line_offset) {
  const size_t first_tail_row = head.rows.size();
  head.rows.MoveRowsFrom(tail.rows);
  head.lines.Append(tail.lines, static_cast<int64_t>(first_tail_row), line_offset);
}

}  // namespace

Status ReadPipeline(const std::string& path, Dataset& data, ProblemLog& log, LineMap& lines,
                    size_t split_min_bytes, PauseGate* busy) {
  auto opened = TableReader::Open(path, kColumns, log);
  if (!opened.ok()) return opened.error();
  TableReader& reader = *opened;
  DealParser head_parser(data), tail_parser(data);
  const size_t expected_rows = reader.EstimateRows();
  DealPart head, tail;
  head.rows.Reserve(expected_rows);
  ProgressBar progress("Reading " + reader.name(), reader.size_bytes(), 8 << 20);
  ReadInTwoHalves(
      reader, log, split_min_bytes, progress, busy,
      [&](TableReader& part_reader, ProblemLog& part_log, ReadProgress& part_progress, bool is_tail) {
        if (is_tail) tail.rows.Reserve(part_reader.EstimateRows());
        ReadDeals(part_reader, part_log, is_tail ? tail_parser : head_parser, is_tail ? tail : head,
                  part_progress, is_tail);
      },
      [] { return true; },
      [&](int64_t line_offset) {
        head_parser.Absorb(tail_parser);
        JoinParts(head, tail, line_offset);
      },
      [&] { Release(tail); });
  data.opportunities = std::move(head.rows);
  lines = std::move(head.lines);
  progress.Finish();
  if (reader.error()) return *reader.error();
  if (log.fatal()) return *log.fatal();
  data.BuildIndexes();
  RemoveRepeatedIds(data, reader, lines);
  if (log.fatal()) return *log.fatal();
  log.report().files.push_back(reader.Finish(log.report().cleaning));
  head_parser.ReportVariants(reader.name(), log.report().cleaning);
  return Status::Ok();
}

}  // namespace crm::ingest
