#pragma once
// Which deals a deal model learns from and scores, each seen at the end of one day: the snapshot whose
// facts its features may use. Labels are the eventual outcome (1 = Won), known only for closed deals.

#include <cstdint>
#include <vector>

#include "crm/data/dataset.h"

namespace crm::models {

//! One deal as it stood at the end of `day`.
struct DealExample {
  int32_t deal = 0;  //!< row in Dataset::opportunities
  int32_t day = 0;   //!< the snapshot day: features use facts dated on or before it
};

//! Examples with their labels (1 = won, 0 = lost), in the same order.
struct DealExamples {
  std::vector<DealExample> examples;
  std::vector<float> labels;
};

//! The opportunity-win training set: at every month end T on or before `known_by`, each deal open then
//! (engaged on or before T, closed after T) whose outcome is known by `known_by`. A deal open across
//! several month ends appears once per month end (its age differs), as an open deal is seen in use.
DealExamples WinTrainingExamples(const Dataset& data, int32_t known_by);

//! The lead-score training set: every deal engaged and closed by `known_by`, as it stood the day before
//! its engagement (a prospect: nothing about its engagement is known yet).
DealExamples LeadTrainingExamples(const Dataset& data, int32_t known_by);

//! The deals open in `stage` (Engaging or Prospecting) at the end of `as_of`, seen on that day. A deal
//! engaged after `as_of` does not exist yet; one closed after it was still Engaging.
std::vector<DealExample> OpenDealExamples(const Dataset& data, int32_t as_of, DealStage stage);

//! The last day of each calendar month from the month of `first_day` through the month of `last_day`
//! that is on or before `last_day`.
std::vector<int32_t> MonthEnds(int32_t first_day, int32_t last_day);

}  // namespace crm::models
