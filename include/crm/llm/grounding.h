#pragma once
// The grounding check: every number an LLM writes must come from the facts it was given.
//
// The rule for small numbers: a whole number from 0 to 10 written without a currency, %, scale word or
// counted noun ("3 next steps", "1.", "step 2") is taken as an ordinal or list number and not checked;
// "4 deals", "5%", "$3" and "7 days" are checked. Numbers spelled out in words are not checked.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "crm/llm/fact_index.h"
#include "crm/llm/number_mentions.h"

namespace crm::llm {

//! The outcome of checking a text's numbers against the facts.
struct GroundingResult {
  bool ok = true;                      //!< every checked number is supported by a fact
  int numbers_checked = 0;             //!< how many numbers were checked
  std::vector<std::string> unmatched;  //!< the numbers no fact supports, as written
};

//! True when the grounding check applies to `mention` (see the small-number rule above).
bool IsChecked(const NumberMention& mention);

//! Checks every number of `text` against the facts.
GroundingResult CheckGrounding(std::string_view text, const FactIndex& facts);

//! Checks every number of `text` against `facts` (indexes them first).
GroundingResult CheckGrounding(std::string_view text, const nlohmann::json& facts);

}  // namespace crm::llm
