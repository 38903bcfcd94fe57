#include "sample_data.h"

#include <cstdio>

namespace crm::store::test {

int32_t Day(const char* iso_date) { return *ParseIsoDate(iso_date); }

namespace {

void AddDeal(Dataset& data, const char* id, int32_t agent, int32_t product, int32_t account, DealStage stage,
             int32_t engage, int32_t close, double value) {
  OpportunityColumns& deals = data.opportunities;
  deals.id.Append(id);
  deals.sales_agent.push_back(agent);
  deals.product.push_back(product);
  deals.account.push_back(account);
  deals.deal_stage.push_back(stage);
  deals.engage_date.push_back(engage);
  deals.close_date.push_back(close);
  deals.close_value.push_back(value);
}

void AddActivity(Dataset& data, const char* id, int32_t date, const char* type, int32_t agent,
                 int32_t account, int32_t opportunity, const char* subject) {
  ActivityColumns& activities = data.activities;
  activities.id.Append(id);
  activities.date.push_back(date);
  activities.type.push_back(data.activity_types.Intern(type));
  activities.sales_agent.push_back(agent);
  activities.account.push_back(account);
  activities.opportunity.push_back(opportunity);
  activities.subject.push_back(data.activity_subjects.Intern(subject));
}

}  // namespace

Dataset SampleDataset() {
  Dataset data;
  data.accounts.push_back({"Acme Corporation", data.sectors.Intern("technolgy"), 1996, 1100.04, 2822,
                           data.countries.Intern("United States"), "", kNoIndex});
  data.accounts.push_back(
      {"Betasoloin", kNoIndex, kNoIndex, kNoNumber, kNoInteger, kNoIndex, "Acme Corporation", kNoIndex});
  data.accounts.push_back({"Cancity", data.sectors.Intern("retail"), 2001, 718.62, 2448,
                           data.countries.Intern("Kenya"), "", kNoIndex});
  data.products.push_back({"GTX Basic", data.series.Intern("GTX"), 550});
  data.products.push_back({"MG Special", data.series.Intern("MG"), kNoNumber});
  data.products.push_back({"GTK 500", kNoIndex, 26768});
  data.sales_agents.push_back(
      {"Moses Frase", data.managers.Intern("Dustin Brinkmann"), data.regional_offices.Intern("Central")});
  data.sales_agents.push_back({"Darcel Schlecht", kNoIndex, kNoIndex});
  AddDeal(data, "1C1I7A6R", 0, 0, 2, DealStage::kWon, Day("2016-10-20"), Day("2017-03-01"), 1054);
  AddDeal(data, "Z063OYW0", 1, 1, kNoIndex, DealStage::kProspecting, kNoDay, kNoDay, kNoNumber);
  AddDeal(data, "EC4QE1BX", 1, 2, 0, DealStage::kEngaging, Day("2017-06-01"), kNoDay, kNoNumber);
  AddDeal(data, "MV1LWRNH", 0, 0, 1, DealStage::kLost, Day("2017-01-05"), Day("2017-02-10"), 0);
  AddActivity(data, "ACT-1", Day("2017-01-03"), "Call", 0, 2, 0, "Intro call");
  AddActivity(data, "ACT-2", Day("2017-02-01"), "Email", 1, kNoIndex, kNoIndex, "");
  AddActivity(data, "ACT-3", Day("2017-06-02"), "Meeting", 0, 0, 2, "Démo – ünïcode ✓");
  data.BuildIndexes();
  return data;
}

Dataset OtherDataset() {
  Dataset data;
  data.accounts.push_back({"Zumma", data.sectors.Intern("software"), 2010, 50.5, 12,
                           data.countries.Intern("Japan"), "", kNoIndex});
  data.products.push_back({"GTX Pro", data.series.Intern("GTX"), 4821});
  data.sales_agents.push_back(
      {"Anna Snelling", data.managers.Intern("Dustin Brinkmann"), data.regional_offices.Intern("West")});
  AddDeal(data, "NEW00001", 0, 0, 0, DealStage::kWon, Day("2018-01-02"), Day("2018-02-03"), 4821);
  AddDeal(data, "NEW00002", 0, 0, kNoIndex, DealStage::kEngaging, Day("2018-03-04"), kNoDay, kNoNumber);
  data.BuildIndexes();
  return data;
}

Dataset GeneratedDataset(int deals, int activities) {
  Dataset data = SampleDataset();
  data.opportunities = OpportunityColumns();
  data.activities = ActivityColumns();
  char id[16];
  for (int row = 0; row < deals; ++row) {
    std::snprintf(id, sizeof id, "OPP%05d", row);
    const auto stage = static_cast<DealStage>(row % kDealStageCount);
    const bool closed = IsClosed(stage);
    AddDeal(data, id, row % 2, row % 3, row % 5 == 0 ? kNoIndex : row % 3, stage,
            stage == DealStage::kProspecting ? kNoDay : Day("2017-01-01") + row,
            closed ? Day("2017-03-01") + row : kNoDay, closed ? 100.5 * row : kNoNumber);
  }
  const char* types[] = {"Call", "Email", "Meeting", "Demo"};
  for (int row = 0; row < activities; ++row) {
    std::snprintf(id, sizeof id, "ACT%05d", row);
    AddActivity(data, id, Day("2017-02-01") + row % 300, types[row % 4], row % 2,
                row % 4 == 0 ? kNoIndex : row % 3, row % 3 == 0 || deals == 0 ? kNoIndex : row % deals,
                row % 7 == 0 ? "" : "Follow-up");
  }
  data.BuildIndexes();
  return data;
}

ImportRecord SampleRecord(const std::string& source) {
  ImportRecord record;
  record.started_at = "2024-05-01T12:00:00Z";
  record.finished_at = "2024-05-01T12:00:07Z";
  record.source = source;
  record.files = {{"accounts.csv", std::string(64, 'a'), 86, 85, 1},
                  {"sales_pipeline.csv", std::string(64, 'b'), 8800, 8790, 10}};
  record.report_json = R"({"source":")" + source + R"(","problems":[]})";
  return record;
}

}  // namespace crm::store::test
