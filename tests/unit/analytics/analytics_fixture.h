#pragma once
// Hand-built datasets for the analytics tests: every figure in them can be checked by hand.

#include <string>

#include "crm/analytics/engine.h"
#include "crm/data/dataset.h"

namespace crm::analytics::test {

//! Builds a Dataset row by row with readable calls; dates are ISO strings, "" for missing.
class DatasetBuilder {
 public:
  //! Adds an account; returns its row. sector/country "" for missing.
  int32_t Account(const std::string& name, const std::string& sector, double revenue, int64_t employees,
                  const std::string& country, const std::string& parent = "");
  //! Adds a product; returns its row.
  int32_t Product(const std::string& name, const std::string& series, double price);
  //! Adds a sales agent; returns its row.
  int32_t Agent(const std::string& name, const std::string& manager, const std::string& office);
  //! Adds a deal; account kNoIndex for none, value kNoNumber for missing; returns its row.
  int32_t Deal(const std::string& id, int32_t agent, int32_t product, int32_t account, DealStage stage,
               const std::string& engage, const std::string& close, double value);
  //! Adds an activity; opportunity kNoIndex when not known.
  void Activity(const std::string& id, const std::string& date, const std::string& type, int32_t agent,
                int32_t account, int32_t opportunity);
  //! The finished dataset (indexes built).
  Dataset Build();

 private:
  Dataset data_;
};

//! The day number of an ISO date, kNoDay for "".
int32_t Day(const std::string& iso_date);

//! A small CRM used by many tests (see the .cpp for every row):
//! products Alpha (series A, 1,000) and Beta (series B, 100);
//! agents Ann (manager Mia, East), Bob (Mia, East), Cal (Max, West);
//! accounts Acme (tech, 500.0, 100, US), Bolt (retail, 50.0, 10, Japan), Cora (tech, 20.0, 5, US);
//! 12 deals in 2017: 6 won, 3 lost, 2 engaging, 1 prospecting; one activity, on 2017-06-30, the latest date.
Dataset SmallCrm();

//! Runs an insight on `data` with filters given as name=value pairs; fails the test on error.
Insight RunInsight(const Dataset& data, const std::string& type,
                   const std::vector<std::pair<std::string, std::string>>& filters = {});

//! The metric's number (NaN when missing); fails the test when the metric is absent.
double MetricNumber(const Insight& insight, const std::string& name);

}  // namespace crm::analytics::test
