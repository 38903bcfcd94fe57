#pragma once
// Readers of the five CRM files. Each validates its rows (problems go to the ProblemLog with file:line),
// applies the unambiguous cleaning rules (recorded in the report) and appends the rows to the Dataset.
// Master tables are read first: the pipeline and the activities resolve their references against them.

#include <string>

#include "crm/common/pause_gate.h"
#include "crm/common/result.h"
#include "crm/data/dataset.h"
#include "crm/ingest/line_map.h"
#include "crm/ingest/problem_log.h"

namespace crm::ingest {

//! sales_teams.csv: sales_agent, manager, regional_office.
Status ReadSalesTeams(const std::string& path, Dataset& data, ProblemLog& log);

//! products.csv: product, series, sales_price.
Status ReadProducts(const std::string& path, Dataset& data, ProblemLog& log);

//! accounts.csv: account, sector, year_established, revenue, employees, office_location, subsidiary_of.
//! Fills `lines` with the source line of each kept account.
Status ReadAccounts(const std::string& path, Dataset& data, ProblemLog& log, std::vector<int64_t>& lines);

//! sales_pipeline.csv: opportunity_id, sales_agent, product, account, deal_stage, engage_date,
//! close_date, close_value. Fills `lines` with the source line of each kept deal. A file of
//! `split_min_bytes` or more is parsed on two threads, one half each; the result is the same as on one.
//! `busy`, when given, is closed meanwhile (see ReadInTwoHalves).
Status ReadPipeline(const std::string& path, Dataset& data, ProblemLog& log, LineMap& lines,
                    size_t split_min_bytes, PauseGate* busy = nullptr);

//! activities.csv (optional): activity_id, activity_date, activity_type, sales_agent, account,
//! opportunity_id, subject. A file of `split_min_bytes` or more is parsed on two threads, one half
//! each; the result is the same as on one. `busy`, when given, is closed meanwhile (see ReadInTwoHalves).
Status ReadActivities(const std::string& path, Dataset& data, ProblemLog& log, size_t split_min_bytes,
                      PauseGate* busy = nullptr);

}  // namespace crm::ingest
