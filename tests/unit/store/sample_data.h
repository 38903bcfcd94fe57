#pragma once
// Small hand-built datasets for the store tests.

#include <string>

#include "crm/data/dataset.h"
#include "crm/store/import_record.h"

namespace crm::store::test {

//! Three accounts, three products, two agents, four deals and three activities covering every kind of
//! missing value (no sector, year, revenue, employees, office, parent, series, price, manager, office,
//! account, dates, close value, activity account and opportunity) and a non-ASCII subject.
Dataset SampleDataset();

//! A different, smaller dataset, for checking that a second import replaces the first.
Dataset OtherDataset();

//! `deals` deals and `activities` activities over the sample's accounts, products and agents, with
//! missing values at different positions (enough rows to exercise multi-row inserts); ids are
//! "OPP00000", "OPP00001", … and "ACT00000", ….
Dataset GeneratedDataset(int deals, int activities);

//! An import record with two files and a report.
ImportRecord SampleRecord(const std::string& source);

//! The day number of an ISO date known to be valid.
int32_t Day(const char* iso_date);

}  // namespace crm::store::test
