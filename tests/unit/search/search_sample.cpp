#include "search_sample.h"

#include <cstdio>

#include "crm/common/date.h"

namespace crm::search::test {

namespace {

void AddDeal(Dataset& data, const char* id, int32_t agent, int32_t product, int32_t account, DealStage stage,
             const char* engage, const char* close) {
  OpportunityColumns& deals = data.opportunities;
  deals.id.Append(id);
  deals.sales_agent.push_back(agent);
  deals.product.push_back(product);
  deals.account.push_back(account);
  deals.deal_stage.push_back(stage);
  deals.engage_date.push_back(engage == nullptr ? kNoDay : *ParseIsoDate(engage));
  deals.close_date.push_back(close == nullptr ? kNoDay : *ParseIsoDate(close));
  deals.close_value.push_back(stage == DealStage::kWon ? 4800.0 : IsClosed(stage) ? 0.0 : kNoNumber);
}

}  // namespace

Dataset SearchSample() {
  Dataset data;
  const int32_t software = data.sectors.Intern("software");
  const int32_t retail = data.sectors.Intern("retail");
  const int32_t medical = data.sectors.Intern("medical");
  data.accounts.push_back(
      {"Kan-code", software, 1982, 11698.03, 34288, data.countries.Intern("United States"), "", kNoIndex});
  data.accounts.push_back(
      {"Konex", software, 1980, 9000.0, 30000, data.countries.Intern("Japan"), "", kNoIndex});
  data.accounts.push_back({"Zumma", retail, 2010, 50.5, 120, data.countries.Intern("Kenya"), "", kNoIndex});
  data.accounts.push_back(
      {"Blue Medic", medical, 1995, 800.0, 2500, data.countries.Intern("Germany"), "Konex", kNoIndex});
  data.accounts.push_back(
      {"Cheapmart", retail, 2008, 60.0, 150, data.countries.Intern("United States"), "", kNoIndex});
  data.accounts.push_back({"Nullcorp", kNoIndex, kNoIndex, kNoNumber, kNoInteger, kNoIndex, "", kNoIndex});
  data.products.push_back({"GTX Pro", data.series.Intern("GTX"), 4821});
  data.products.push_back({"MG Special", data.series.Intern("MG"), 55});
  data.products.push_back({"GTK 500", data.series.Intern("GTK"), 26768});
  data.sales_agents.push_back(
      {"Darcel Schlecht", data.managers.Intern("Celia Rouche"), data.regional_offices.Intern("West")});
  data.sales_agents.push_back(
      {"Moses Frase", data.managers.Intern("Dustin Brinkmann"), data.regional_offices.Intern("Central")});
  AddDeal(data, "KAN00001", 0, 0, 0, DealStage::kLost, "2017-01-02", "2017-02-01");
  AddDeal(data, "KAN00002", 0, 2, 0, DealStage::kEngaging, "2017-05-02", nullptr);
  AddDeal(data, "KON00001", 1, 0, 1, DealStage::kWon, "2017-01-03", "2017-03-01");
  AddDeal(data, "KON00002", 1, 0, 1, DealStage::kWon, "2017-02-03", "2017-04-01");
  AddDeal(data, "KON00003", 1, 2, 1, DealStage::kProspecting, nullptr, nullptr);
  AddDeal(data, "ZUM00001", 1, 1, 2, DealStage::kWon, "2017-03-03", "2017-04-11");
  AddDeal(data, "ZUM00002", 1, 1, 2, DealStage::kLost, "2017-03-05", "2017-04-12");
  AddDeal(data, "BLU00001", 0, 0, 3, DealStage::kLost, "2017-06-01", "2017-07-01");
  AddDeal(data, "CHE00001", 1, 1, 4, DealStage::kWon, "2017-02-01", "2017-03-11");
  AddDeal(data, "CHE00002", 1, 1, 4, DealStage::kEngaging, "2017-08-01", nullptr);
  AddDeal(data, "CHE00003", 0, 1, 4, DealStage::kWon, "2017-03-01", "2017-05-11");
  AddDeal(data, "NOACC001", 0, 1, kNoIndex, DealStage::kProspecting, nullptr, nullptr);
  char id[16];
  for (int i = 0; i < kSharedTextDeals; ++i) {
    std::snprintf(id, sizeof id, "DUP%05d", i);
    const std::string close = "2017-09-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1);
    AddDeal(data, id, 0, 0, 0, DealStage::kWon, "2017-06-01", close.c_str());
  }
  data.BuildIndexes();
  return data;
}

}  // namespace crm::search::test
