#include "crm/demo/demo_data.h"

#include <array>
#include <filesystem>
#include <string_view>
#include <system_error>
#include <vector>

#include "crm/common/date.h"
#include "crm/common/progress.h"
#include "crm/demo/accounts.h"
#include "crm/demo/catalog.h"
#include "crm/demo/csv_writer.h"
#include "crm/demo/deal_generator.h"
#include "crm/demo/id_permutation.h"
#include "crm/demo/random.h"
#include "crm/demo/reference_tables.h"
#include "crm/demo/sales_force.h"

namespace crm::demo {

namespace {

// The `n`-th key derived from `seed`: 0 for opportunity ids, 1 for activity ids.
uint64_t DerivedKey(uint64_t seed, int n) {
  uint64_t key = 0;
  for (int i = 0; i <= n; ++i) key = SplitMix64(seed);
  return key;
}

// Streams the deals into sales_pipeline.csv and their activities into activities.csv.
class PipelineWriter {
 public:
  PipelineWriter(CsvWriter& pipeline, CsvWriter& activities, const std::vector<Account>& accounts,
                 uint64_t seed)
      : pipeline_(pipeline),
        activities_(activities),
        accounts_(accounts),
        deal_ids_(DerivedKey(seed, 0)),
        activity_ids_(DerivedKey(seed, 1)) {
    for (std::string_view field : {"opportunity_id", "sales_agent", "product", "account", "deal_stage",
                                   "engage_date", "close_date", "close_value"}) {
      pipeline_.Text(field);
    }
    pipeline_.EndRow();
    for (std::string_view field : {"activity_id", "activity_date", "activity_type", "sales_agent", "account",
                                   "opportunity_id", "subject"}) {
      activities_.Text(field);
    }
    activities_.EndRow();
  }

  void Write(uint64_t position, const Deal& deal) {
    const std::array<char, 8> id = deal_ids_.Id(position);
    const std::string_view deal_id(id.data(), id.size());
    const std::string_view agent = kAgents[deal.agent].name;
    const std::string_view account = deal.account >= 0 ? std::string_view(accounts_[deal.account].name) : "";

    pipeline_.Text(deal_id);
    pipeline_.Text(agent);
    pipeline_.Text(deal.product == kGtxPro ? kGtxProPipelineSpelling : kProducts[deal.product].name);
    pipeline_.Text(account);
    pipeline_.Text(StageName(deal.stage));
    DateOrEmpty(pipeline_, deal.engage_day);
    DateOrEmpty(pipeline_, deal.close_day);
    if (deal.close_value >= 0) {
      pipeline_.Integer(deal.close_value);
    } else {
      pipeline_.Empty();
    }
    pipeline_.EndRow();

    for (int i = 0; i < deal.activity_count; ++i) {
      const Activity& activity = deal.activities[i];
      const std::array<char, 8> activity_id = activity_ids_.Id(next_activity_++);
      activities_.Text(std::string_view(activity_id.data(), activity_id.size()));
      activities_.Date(activity.day);
      activities_.Text(ActivityTypeName(activity.type));
      activities_.Text(agent);
      activities_.Text(account);
      activities_.Text(deal_id);
      ComposeSubject(activity.type, activity.subject_variant, kProducts[deal.product].name, account,
                     subject_);
      activities_.Text(subject_);
      activities_.EndRow();
    }
  }

 private:
  static void DateOrEmpty(CsvWriter& out, int32_t day) {
    if (day == kNoDay) {
      out.Empty();
    } else {
      out.Date(day);
    }
  }

  CsvWriter& pipeline_;
  CsvWriter& activities_;
  const std::vector<Account>& accounts_;
  IdPermutation deal_ids_, activity_ids_;
  uint64_t next_activity_ = 0;
  std::string subject_;
};

}  // namespace

Status GenerateDemoData(const DemoOptions& options) {
  if (options.out_dir.empty()) return Error{"demo data needs an output directory"};
  if (options.opportunities > kMaxOpportunities) {
    return Error{"demo data is limited to " + std::to_string(kMaxOpportunities) + " opportunities"};
  }
  std::error_code error;
  std::filesystem::create_directories(options.out_dir, error);
  if (error) return Error{"cannot create directory " + options.out_dir + ": " + error.message()};

  const std::vector<Account> accounts = MakeAccounts(AccountCount(options.opportunities), options.seed);
  if (Status status = WriteReferenceTables(options.out_dir, accounts); !status.ok()) return status;

  const std::filesystem::path dir(options.out_dir);
  Result<CsvWriter> pipeline = CsvWriter::Create((dir / "sales_pipeline.csv").string());
  if (!pipeline.ok()) return pipeline.error();
  Result<CsvWriter> activities = CsvWriter::Create((dir / "activities.csv").string());
  if (!activities.ok()) return activities.error();

  PipelineWriter writer(*pipeline, *activities, accounts, options.seed);
  DealGenerator deals(options.opportunities, options.seed, accounts);
  ProgressBar progress("Generating", options.opportunities);
  Deal deal;
  for (uint64_t position = 0; position < options.opportunities; ++position) {
    deals.Next(deal);
    writer.Write(position, deal);
    progress.Update(position + 1);
  }
  progress.Finish();
  const Status pipeline_status = pipeline->Close();
  const Status activities_status = activities->Close();
  return pipeline_status.ok() ? activities_status : pipeline_status;
}

}  // namespace crm::demo
