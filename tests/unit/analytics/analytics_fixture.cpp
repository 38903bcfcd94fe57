#include "analytics_fixture.h"

#include <gtest/gtest.h>


namespace crm::analytics::test {

int32_t Day(const std::string& iso_date) { return iso_date.empty() ? kNoDay : *ParseIsoDate(iso_date); }

int32_t DatasetBuilder::Account(const std::string& name, const std::string& sector, double revenue,
                                int64_t employees, const std::string& country, const std::string& parent) {
  data_.accounts.push_back({name, sector.empty() ? kNoIndex : data_.sectors.Intern(sector), 2000, revenue, employees,
                            country.empty() ? kNoIndex : data_.countries.Intern(country), parent, kNoIndex});
  return static_cast<int32_t>(data_.accounts.size() - 1);
}

int32_t DatasetBuilder::Product(const std::string& name, const std::string& series, double price) {
  data_.products.push_back({name, data_.series.Intern(series), price});
  return static_cast<int32_t>(data_.products.size() - 1);
}

int32_t DatasetBuilder::Agent(const std::string& name, const std::string& manager, const std::string& office) {
  data_.sales_agents.push_back({name, data_.managers.Intern(manager), data_.regional_offices.Intern(office)});
  return static_cast<int32_t>(data_.sales_agents.size() - 1);
}

int32_t DatasetBuilder::Deal(const std::string& id, int32_t agent, int32_t product, int32_t account, DealStage stage,
                             const std::string& engage, const std::string& close, double value) {
  OpportunityColumns& deals = data_.opportunities;
  deals.id.Append(id);
  deals.sales_agent.push_back(agent);
  deals.product.push_back(product);
  deals.account.push_back(account);
  deals.deal_stage.push_back(stage);
  deals.engage_date.push_back(Day(engage));
  deals.close_date.push_back(Day(close));
  deals.close_value.push_back(value);
  return static_cast<int32_t>(deals.size() - 1);
}

void DatasetBuilder::Activity(const std::string& id, const std::string& date, const std::string& type,
                              int32_t agent, int32_t account, int32_t opportunity) {
  ActivityColumns& activities = data_.activities;
  activities.id.Append(id);
  activities.date.push_back(Day(date));
  activities.type.push_back(data_.activity_types.Intern(type));
  activities.sales_agent.push_back(agent);
  activities.account.push_back(account);
  activities.opportunity.push_back(opportunity);
  activities.subject.push_back(data_.activity_subjects.Intern(""));
}

Dataset DatasetBuilder::Build() {
  data_.BuildIndexes();
  return std::move(data_);
}

Dataset SmallCrm() {
  DatasetBuilder b;
  const int32_t alpha = b.Product("Alpha", "A", 1000);
  const int32_t beta = b.Product("Beta", "B", 100);
  const int32_t ann = b.Agent("Ann", "Mia", "East");
  const int32_t bob = b.Agent("Bob", "Mia", "East");
  const int32_t cal = b.Agent("Cal", "Max", "West");
  const int32_t acme = b.Account("Acme", "tech", 500.0, 100, "US");
  const int32_t bolt = b.Account("Bolt", "retail", 50.0, 10, "Japan");
  const int32_t cora = b.Account("Cora", "tech", 20.0, 5, "US");
  using S = DealStage;
  // Won: Alpha 1100, 900, 1000 (Ann, Ann, Cal); Beta 100, 120, 80 (Bob, Cal, Cal).
  b.Deal("W1", ann, alpha, acme, S::kWon, "2017-01-02", "2017-02-01", 1100);  // 30 days
  b.Deal("W2", ann, alpha, bolt, S::kWon, "2017-02-01", "2017-04-02", 900);   // 60 days
  b.Deal("W3", cal, alpha, cora, S::kWon, "2017-03-01", "2017-03-11", 1000);  // 10 days
  b.Deal("W4", bob, beta, acme, S::kWon, "2017-01-10", "2017-01-30", 100);    // 20 days
  b.Deal("W5", cal, beta, bolt, S::kWon, "2017-04-01", "2017-05-11", 120);    // 40 days
  b.Deal("W6", cal, beta, cora, S::kWon, "2017-05-01", "2017-06-20", 80);     // 50 days
  // Lost: one Alpha (Bob), two Beta (Bob, Ann); close value 0 as in the real data.
  b.Deal("L1", bob, alpha, acme, S::kLost, "2017-01-05", "2017-03-06", 0);
  b.Deal("L2", bob, beta, bolt, S::kLost, "2017-02-01", "2017-02-21", 0);
  b.Deal("L3", ann, beta, cora, S::kLost, "2017-03-01", "2017-06-29", 0);
  // Open: two Engaging, one Prospecting without an account.
  b.Deal("E1", ann, alpha, acme, S::kEngaging, "2017-05-01", "", kNoNumber);
  b.Deal("E2", cal, beta, bolt, S::kEngaging, "2017-06-01", "", kNoNumber);
  b.Deal("P1", bob, alpha, kNoIndex, S::kProspecting, "", "", kNoNumber);
  // One activity on 2017-06-30, on E1: the latest date in the data, so the default as-of date.
  b.Activity("A1", "2017-06-30", "Call", ann, acme, 9);
  return b.Build();
}

Insight RunInsight(const Dataset& data, const std::string& type,
                   const std::vector<std::pair<std::string, std::string>>& filters) {
  FilterRequest request;
  for (const auto& [name, value] : filters) {
    bool found = false;
    for (const auto& [field, target] : request.Fields()) {
      if (field == name) {
        *target = value;
        found = true;
      }
    }
    EXPECT_TRUE(found) << "no filter named " << name;
  }
  const Engine engine(data);
  auto insight = engine.Run(type, request);
  EXPECT_TRUE(insight.ok()) << (insight.ok() ? "" : insight.error().message);
  return insight.ok() ? *insight : Insight{};
}

double MetricNumber(const Insight& insight, const std::string& name) {
  const Cell* cell = insight.FindMetric(name);
  EXPECT_NE(cell, nullptr) << "no metric " << name;
  return cell ? CellNumber(*cell) : kNoNumber;
}

}  // namespace crm::analytics::test
