#pragma once
// Hand-built datasets for the account insights (account_health, at_risk_accounts,
// account_prioritization); dates are given as ages in days before kAccountsAsOf.

#include <string>
#include <vector>

#include "analytics_fixture.h"

namespace crm::analytics::test {

//! The as-of date of the account fixtures.
inline const std::string kAccountsAsOf = "2017-12-31";

//! The ISO date `age` days before kAccountsAsOf.
std::string DaysBefore(int age);

//! Adds a closed deal of `product` at list price 1,000 (won) or 0 (lost), engaged 10 days before it closed.
void ClosedDeal(DatasetBuilder& builder, int32_t agent, int32_t product, int32_t account, bool won, int age,
                double value = 1000);

//! The health fixture (every figure in account_health_test.cpp is worked out from it):
//! product Alpha (1,000); agents Ann (Mia, East) and Bob (Max, West);
//! Able (tech): wins aged 5 15 25 35 200 210, losses 20 220 230 240, one Engaging deal engaged at 10 (Ann);
//! Brisk (tech): wins 100 110 120 130, losses 50 60, nothing open (Bob);
//! Calm (tech, parent Able): a win at 300, a loss at 40, one Engaging deal engaged at 30 (Ann);
//! Dusk (retail): wins 280 290 300, losses 60 70 80 90 100 310 320, nothing open (Bob);
//! without an account: a win at 150 and a Prospecting deal (Ann).
//! With `activities`: Able at age 2, Brisk at 40, Dusk at 9, Calm only after the as-of date.
//! With `ballast`, that many Prospecting deals without an account come after Able's first three wins, so
//! that passes large enough to run on two threads split Able's deals between them.
Dataset HealthCrm(bool activities = false, int32_t ballast = 0);

//! The whitespace fixture (account_prioritization_test.cpp): products Alpha 1,000, Beta 100, Gamma 500;
//! tech accounts T1 (revenue 100, 10 employees), T2 (200, 20), T3 (300, 30), T4 (400, employees missing);
//! retail R1 (500, 50). Won at age 10: T1 Alpha; T2 and T4 Alpha, Beta; T3 Alpha, Beta, Gamma; R1 Alpha.
//! Open (Engaging, engaged at 5): T1 Alpha, T3 Beta.
Dataset WhitespaceCrm();

//! The row of `table` whose first cell is `name`; fails the test and returns nullptr when absent.
const std::vector<Cell>* FindRow(const Table& table, const std::string& name);
//! The cell of `row` in `column`; fails the test when the column is absent.
Cell CellAt(const Table& table, const std::vector<Cell>& row, const std::string& column);
//! The number in the cell of the row named `name` in `column` (NaN when missing or absent).
double NumberAt(const Table& table, const std::string& name, const std::string& column);
//! The first cells of the rows, in order.
std::vector<std::string> RowNames(const Table& table);

}  // namespace crm::analytics::test
