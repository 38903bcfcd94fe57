#include "account_fixture.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "crm/common/date.h"

namespace crm::analytics::test {

std::string DaysBefore(int age) { return FormatIsoDate(Day(kAccountsAsOf) - age); }

void ClosedDeal(DatasetBuilder& builder, int32_t agent, int32_t product, int32_t account, bool won, int age,
                double value) {
  static int next_id = 0;
  builder.Deal("C" + std::to_string(++next_id), agent, product, account,
               won ? DealStage::kWon : DealStage::kLost, DaysBefore(age + 10), DaysBefore(age),
               won ? value : 0);
}

Dataset HealthCrm(bool activities, int32_t ballast) {
  DatasetBuilder b;
  const int32_t alpha = b.Product("Alpha", "A", 1000);
  const int32_t ann = b.Agent("Ann", "Mia", "East");
  const int32_t bob = b.Agent("Bob", "Max", "West");
  const int32_t able = b.Account("Able", "tech", 100, 1000, "US");
  const int32_t brisk = b.Account("Brisk", "tech", 50, 500, "US");
  const int32_t calm = b.Account("Calm", "tech", 10, 100, "US", "Able");
  const int32_t dusk = b.Account("Dusk", "retail", 20, 200, "Japan");
  for (int age : {5, 15, 25}) ClosedDeal(b, ann, alpha, able, true, age);
  for (int32_t n = 0; n < ballast; ++n)
    b.Deal("BALLAST" + std::to_string(n), ann, alpha, kNoIndex, DealStage::kProspecting, "", "", kNoNumber);
  for (int age : {35, 200, 210}) ClosedDeal(b, ann, alpha, able, true, age);
  for (int age : {20, 220, 230, 240}) ClosedDeal(b, ann, alpha, able, false, age);
  b.Deal("OPEN-ABLE", ann, alpha, able, DealStage::kEngaging, DaysBefore(10), "", kNoNumber);
  for (int age : {100, 110, 120, 130}) ClosedDeal(b, bob, alpha, brisk, true, age);
  for (int age : {50, 60}) ClosedDeal(b, bob, alpha, brisk, false, age);
  ClosedDeal(b, ann, alpha, calm, true, 300);
  ClosedDeal(b, ann, alpha, calm, false, 40);
  b.Deal("OPEN-CALM", ann, alpha, calm, DealStage::kEngaging, DaysBefore(30), "", kNoNumber);
  for (int age : {280, 290, 300}) ClosedDeal(b, bob, alpha, dusk, true, age);
  for (int age : {60, 70, 80, 90, 100, 310, 320}) ClosedDeal(b, bob, alpha, dusk, false, age);
  ClosedDeal(b, ann, alpha, kNoIndex, true, 150);
  b.Deal("PROSPECT", ann, alpha, kNoIndex, DealStage::kProspecting, "", "", kNoNumber);
  if (activities) {
    b.Activity("A1", DaysBefore(2), "Call", ann, able, kNoIndex);
    b.Activity("A2", DaysBefore(40), "Email", bob, brisk, kNoIndex);
    b.Activity("A3", DaysBefore(9), "Meeting", bob, dusk, kNoIndex);
    b.Activity("A4", DaysBefore(-5), "Call", ann, calm, kNoIndex);
  }
  return b.Build();
}

Dataset WhitespaceCrm() {
  DatasetBuilder b;
  const int32_t alpha = b.Product("Alpha", "A", 1000);
  const int32_t beta = b.Product("Beta", "B", 100);
  const int32_t gamma = b.Product("Gamma", "G", 500);
  const int32_t ann = b.Agent("Ann", "Mia", "East");
  const int32_t t1 = b.Account("T1", "tech", 100, 10, "US");
  const int32_t t2 = b.Account("T2", "tech", 200, 20, "US");
  const int32_t t3 = b.Account("T3", "tech", 300, 30, "US");
  const int32_t t4 = b.Account("T4", "tech", 400, kNoInteger, "US");
  const int32_t r1 = b.Account("R1", "retail", 500, 50, "US");
  for (int32_t account : {t1, t2, t3, t4, r1}) ClosedDeal(b, ann, alpha, account, true, 10, 1000);
  for (int32_t account : {t2, t3, t4}) ClosedDeal(b, ann, beta, account, true, 10, 100);
  ClosedDeal(b, ann, gamma, t3, true, 10, 500);
  b.Deal("OPEN-T1", ann, alpha, t1, DealStage::kEngaging, DaysBefore(5), "", kNoNumber);
  b.Deal("OPEN-T3", ann, beta, t3, DealStage::kEngaging, DaysBefore(5), "", kNoNumber);
  return b.Build();
}

const std::vector<Cell>* FindRow(const Table& table, const std::string& name) {
  for (const auto& row : table.rows) {
    if (const auto* text = std::get_if<std::string>(&row.front()); text && *text == name) return &row;
  }
  ADD_FAILURE() << "no row " << name << " in " << table.name;
  return nullptr;
}

Cell CellAt(const Table& table, const std::vector<Cell>& row, const std::string& column) {
  const auto found = std::find(table.columns.begin(), table.columns.end(), column);
  if (found == table.columns.end()) {
    ADD_FAILURE() << "no column " << column << " in " << table.name;
    return nullptr;
  }
  return row[static_cast<size_t>(found - table.columns.begin())];
}

double NumberAt(const Table& table, const std::string& name, const std::string& column) {
  const std::vector<Cell>* row = FindRow(table, name);
  return row ? CellNumber(CellAt(table, *row, column)) : kNoNumber;
}

std::vector<std::string> RowNames(const Table& table) {
  std::vector<std::string> names;
  for (const auto& row : table.rows) names.push_back(std::get<std::string>(row.front()));
  return names;
}

}  // namespace crm::analytics::test
