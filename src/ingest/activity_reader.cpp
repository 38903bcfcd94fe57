// Reader of activities.csv (optional): calls, emails, meetings and demos linked to agents, accounts, deals.
// A large file is read by two threads, each parsing one half; the halves are then joined as if one
// thread had read the whole file (same rows, codes, problems and report).
#include <malloc.h>

#include <array>
#include <cstdint>
#include <span>

#include "crm/common/progress.h"
#include "crm/ingest/line_map.h"
#include "crm/ingest/reference_resolver.h"
#include "crm/ingest/row_fields.h"
#include "crm/ingest/split_read.h"
#include "crm/ingest/table_readers.h"
#include "crm/ingest/text_interner.h"

namespace crm::ingest {

namespace {

enum Column : size_t { kId, kDate, kType, kAgent, kAccount, kOpportunity, kSubject };
constexpr std::array<std::string_view, 7> kColumns = {
    "activity_id", "activity_date", "activity_type", "sales_agent", "account", "opportunity_id", "subject"};

//! The activities read from one part of the file; `rows.type` and `rows.subject` hold codes of
//! `types` and `subjects`, which are local to the part until the parts are joined. Each part, written
//! on every row by its own thread, starts a cache line of its own (so do the parsers): two threads
//! writing one line would pass it back and forth on every row.
struct alignas(64) ActivityPart {
  ActivityColumns rows;
  LineMap lines;
  TextInterner types, subjects;
};

// Resolves an optional reference; false (reported) when given but unknown.
bool OptionalReference(TableReader& reader, size_t column, std::string_view name, int32_t row,
                       const char* what, int32_t& out) {
  out = row;
  if (name.empty() || row != kNoIndex) return true;
  reader.Problem(column, "'" + std::string(name) + "' is not " + what);
  return false;
}

//! Validates activity rows and resolves their agents, accounts and deals; one per thread.
class alignas(64) ActivityParser {
 public:
  explicit ActivityParser(const Dataset& data)
      : data_(data), agents_(NamesOf(data.sales_agents)), accounts_(NamesOf(data.accounts)) {}

  //! Appends the usable rows `reader` reads to `part`, until the reader stops or `log` turns fatal; draws
  //! `progress` (first half) or publishes its bytes read to it (second half, `tail`).
  void Read(TableReader& reader, ProblemLog& log, ActivityPart& part, ReadProgress& progress, bool tail) {
    while (!log.fatal() && reader.Next()) {
      progress.Update(reader, tail);
      ReadRow(reader, part);
      if (subject_ends_.size() == kSubjectBatch) InternSubjects(part);
    }
    InternSubjects(part);
  }

  //! Takes over the spelling variants resolved by the parser of the file's second part.
  void Absorb(const ActivityParser& tail) {
    agents_.Absorb(tail.agents_);
    accounts_.Absorb(tail.accounts_);
  }

  //! Adds the cleaning entries for every spelling variant resolved.
  void ReportVariants(const std::string& file, std::vector<CleaningEntry>& cleaning) const {
    agents_.ReportVariants(file, "sales_agent", cleaning);
    accounts_.ReportVariants(file, "account", cleaning);
  }

 private:
  void ReadRow(TableReader& reader, ActivityPart& part) {
    const std::string_view id = reader.Field(kId), date = reader.Field(kDate), type = reader.Field(kType);
    const std::string_view agent = reader.Field(kAgent), account = reader.Field(kAccount);
    const std::string_view opportunity = reader.Field(kOpportunity), subject = reader.Field(kSubject);
    int32_t day = kNoDay, agent_row = kNoIndex, account_row = kNoIndex, opportunity_row = kNoIndex;
    if (!RequireValue(reader, kId, id) || !RequireValue(reader, kDate, date)) return;
    if (!ParseOptionalDate(reader, kDate, date, day)) return;
    if (!RequireValue(reader, kAgent, agent)) return;
    if (!OptionalReference(reader, kAgent, agent, agents_.Resolve(agent), "a sales agent of sales_teams.csv",
                           agent_row) ||
        !OptionalReference(reader, kAccount, account, account.empty() ? kNoIndex : accounts_.Resolve(account),
                           "an account of accounts.csv", account_row) ||
        !OptionalReference(reader, kOpportunity, opportunity,
                           opportunity.empty() ? kNoIndex : FindOpportunity(opportunity),
                           "an opportunity of sales_pipeline.csv", opportunity_row)) {
      return;
    }
    // The type and agent columns are narrow: a code that does not fit is a problem, never wrapped.
    const std::optional<uint16_t> agent_code = ToNarrow<uint16_t>(agent_row);
    if (!agent_code) {
      reader.Problem(kAgent, "'" + std::string(agent) +
                                 "' comes after the first 65,535 sales agents, the most activities can name");
      return;
    }
    const bool type_fits =
        type.empty() || part.types.size() < kNoNarrow<uint8_t> || part.types.Find(type) != kNoIndex;
    if (!type_fits) {  // refused before it is interned: the types kept are those of the rows kept
      reader.Problem(kType, "'" + std::string(type) + "' would be a 256th activity type: at most 255 fit");
      return;
    }
    const auto type_code = type.empty() ? kNoNarrow<uint8_t> : static_cast<uint8_t>(part.types.Intern(type));
    ActivityColumns& rows = part.rows;
    rows.id.Append(id);
    rows.date.push_back(day);
    rows.type.push_back(type_code);
    rows.sales_agent.push_back(*agent_code);
    rows.account.push_back(account_row);
    rows.opportunity.push_back(opportunity_row);
    rows.subject.push_back(kNoIndex);  // set by InternSubjects
    subject_bytes_.append(subject);
    subject_ends_.push_back(subject_bytes_.size());
    part.lines.Add(static_cast<int64_t>(rows.size()) - 1, reader.line());
  }

  // Sets the subject codes of the rows read since the last call: interning a batch at once hides the
  // memory latency of a large subject table (the subjects are copied, the reader's views do not last).
  void InternSubjects(ActivityPart& part) {
    std::vector<std::string_view> texts(subject_ends_.size());
    for (size_t i = 0, begin = 0; i < texts.size(); begin = subject_ends_[i++]) {
      texts[i] = std::string_view(subject_bytes_).substr(begin, subject_ends_[i] - begin);
    }
    std::vector<int32_t>& codes = part.rows.subject;
    part.subjects.InternBatch(texts, std::span<int32_t>(codes).last(texts.size()));
    subject_bytes_.clear();
    subject_ends_.clear();
  }

  // Activities usually come grouped by deal, and often in the order of the deals: the last deal found is
  // remembered, and the deal after it is tried before the index (ids are unique by now).
  int32_t FindOpportunity(std::string_view id) {
    if (id == last_opportunity_) return last_opportunity_row_;
    last_opportunity_.assign(id);
    const auto next = static_cast<size_t>(last_opportunity_row_ + 1);
    const StringColumn& ids = data_.opportunities.id;
    last_opportunity_row_ =
        next < ids.size() && ids[next] == id ? static_cast<int32_t>(next) : data_.FindOpportunity(id);
    return last_opportunity_row_;
  }

  const Dataset& data_;
  ReferenceResolver agents_, accounts_;
  std::string last_opportunity_;
  int32_t last_opportunity_row_ = kNoIndex;
  static constexpr size_t kSubjectBatch = 256;
  std::string subject_bytes_;         //!< subjects of the rows not yet interned, back to back
  std::vector<size_t> subject_ends_;  //!< where each of them ends in subject_bytes_
};

// Rewrites `codes[from..]`, codes of `local`, as codes of `target` (a TextInterner or StringDictionary)
// for the same strings; kNoIndex (in a narrow column its largest value) stays. The caller makes sure the
// new codes fit a narrow column (see TypesFit).
template <typename Dictionary, typename Code>
void Recode(const TextInterner& local, Dictionary& target, std::vector<Code>& codes, size_t from) {
  std::vector<std::string_view> values(local.size());
  for (size_t code = 0; code < values.size(); ++code) values[code] = local.Value(static_cast<int32_t>(code));
  std::vector<int32_t> map(local.size());
  target.InternBatch(values, map);
  bool identity = true;
  for (size_t code = 0; code < map.size(); ++code)
    identity = identity && map[code] == static_cast<int32_t>(code);
  if (identity) return;
  for (size_t row = from; row < codes.size(); ++row) {
    if (codes[row] != kNoNarrow<Code>) codes[row] = static_cast<Code>(map[codes[row]]);
  }
}

// True when the activity types of both parts, together, have codes that fit the one-byte type column.
bool TypesFit(const TextInterner& head, const TextInterner& tail) {
  size_t joined = head.size();
  for (size_t code = 0; code < tail.size(); ++code) {
    if (head.Find(tail.Value(static_cast<int32_t>(code))) == kNoIndex) ++joined;
  }
  return joined <= kNoNarrow<uint8_t>;
}

// Appends the rows of the file's second part after those of the first; `line_offset` is the line where
// the second part begins.
void JoinParts(ActivityPart& head, ActivityPart& tail, int64_t line_offset) {
  const size_t first_tail_row = head.rows.size();
  // The tail's codes are made the head's first, so that its interners are gone before rows are copied.
  Recode(tail.types, head.types, tail.rows.type, 0);
  Recode(tail.subjects, head.subjects, tail.rows.subject, 0);
  Release(tail.types);
  Release(tail.subjects);
  head.rows.MoveRowsFrom(tail.rows);
  head.lines.Append(tail.lines, static_cast<int64_t>(first_tail_row), line_offset);
  Release(tail);
}

//! While alive, every buffer of 1 MB or more is mapped on its own, so that freeing one (the second half's
//! columns once joined, the id check's tags) gives its memory back at once: glibc would otherwise serve
//! them from its heaps after the first large free of the process, and keep what they free. On leaving,
//! the threshold is 32 MB, the ceiling glibc's own adjustment reaches.
class LargeBuffersMapped {
 public:
  LargeBuffersMapped() { mallopt(M_MMAP_THRESHOLD, 1 << 20); }
  ~LargeBuffersMapped() { mallopt(M_MMAP_THRESHOLD, 32 << 20); }
  LargeBuffersMapped(const LargeBuffersMapped&) = delete;
  LargeBuffersMapped& operator=(const LargeBuffersMapped&) = delete;
};

bool SameActivity(const ActivityColumns& a, int32_t row, int32_t other) {
  return a.date[row] == a.date[other] && a.type[row] == a.type[other] &&
         a.sales_agent[row] == a.sales_agent[other] && a.account[row] == a.account[other] &&
         a.opportunity[row] == a.opportunity[other] && a.subject[row] == a.subject[other];
}

// Removes activities whose id repeats an earlier one's: an exact repeat is a duplicate row, a repeat
// with other values a problem.
void RemoveRepeatedIds(ActivityColumns& activities, TableReader& reader, const LineMap& lines) {
  const auto id_of = [&activities](size_t row) { return activities.id[row]; };
  const std::vector<std::pair<int32_t, int32_t>> repeated = RowIndex::Repeats(activities.size(), id_of);
  const std::vector<int32_t> removed = reader.JudgeRepeatedIds(
      repeated, kId, lines, id_of,
      [&](int32_t row, int32_t first) { return SameActivity(activities, row, first); });
  if (!removed.empty()) activities.EraseRows(removed);
}

}  // namespace

Status ReadActivities(const std::string& path, Dataset& data, ProblemLog& log, size_t split_min_bytes,
                      PauseGate* busy) {
  const LargeBuffersMapped large_buffers_mapped;
  auto opened = TableReader::Open(path, kColumns, log);
  if (!opened.ok()) return opened.error();
  TableReader& reader = *opened;
  ActivityPart head;
  head.rows.Reserve(reader.EstimateRows());
  ActivityParser head_parser(data), tail_parser(data);
  ActivityPart tail;
  ProgressBar bar("Reading " + reader.name(), reader.size_bytes(), 8 << 20);
  ReadInTwoHalves(
      reader, log, split_min_bytes, bar, busy,
      [&](TableReader& part_reader, ProblemLog& part_log, ReadProgress& progress, bool is_tail) {
        if (is_tail) tail.rows.Reserve(part_reader.EstimateRows());
        (is_tail ? tail_parser : head_parser)
            .Read(part_reader, part_log, is_tail ? tail : head, progress, is_tail);
      },
      [&] { return TypesFit(head.types, tail.types); },  // else read on alone: too many types
      [&](int64_t line_offset) {
        head_parser.Absorb(tail_parser);
        JoinParts(head, tail, line_offset);
      },
      [&] { Release(tail); });
  bar.Finish();
  malloc_trim(0);  // the second thread's freed columns: give them back before the next steps allocate
  if (reader.error()) return *reader.error();
  // Repeated ids are judged on the part's codes (equal strings, equal codes), before the dictionaries
  // are built, so that the id index and the dictionaries are never held at once.
  RemoveRepeatedIds(head.rows, reader, head.lines);
  Recode(head.types, data.activity_types, head.rows.type, 0);
  Recode(head.subjects, data.activity_subjects, head.rows.subject, 0);
  data.activities = std::move(head.rows);
  if (log.fatal()) return *log.fatal();
  log.report().files.push_back(reader.Finish(log.report().cleaning));
  head_parser.ReportVariants(reader.name(), log.report().cleaning);
  return Status::Ok();
}

}  // namespace crm::ingest
