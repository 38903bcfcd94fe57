#pragma once
// What entity linking finds in a question: the entities with where they stand, numeric conditions for
// search filters, and the question with its names masked for the intent classifier.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace crm::nlu {

//! One entity found in the text: a CONTRACTS.md key and its canonical value, as spelled in the data.
struct EntitySpan {
  std::string key;    //!< "account", "sales_agent", "product", "period", "top_n", "email_type", …
  std::string value;  //!< canonical value: "Kan-code", "GTX Pro", "2017-Q3", "5", "follow_up"
  size_t begin = 0;   //!< byte offset of the matched words in the original text
  size_t end = 0;     //!< one past the last byte
  double score = 1;   //!< 1 for an exact match, lower for fuzzy ones
};

//! A numeric condition on accounts, for search filters: "more than 1,000 employees".
struct NumericCondition {
  std::string field;  //!< "employees", "revenue" (millions of USD) or "year_established"
  char op = '>';      //!< '>' (above, after, more than) or '<' (below, before, less than)
  double value = 0;
};

//! The entity keys whose spans the classifier sees as mask tokens ("ent_account"); other keys
//! (deal_stage, email_type, tone, top_n, by) stay as words because the words carry the intent.
const std::vector<std::string>& MaskedEntityKeys();

//! The mask token of an entity key: "ent_" + key.
std::string MaskToken(const std::string& key);

//! The result of linking one question.
struct LinkedQuery {
  std::vector<EntitySpan> spans;             //!< non-overlapping, in text order
  std::vector<NumericCondition> conditions;  //!< numeric filters on accounts
  std::string masked_text;                   //!< the text with MaskedEntityKeys spans replaced by
                                             //!< their MaskToken, other text unchanged

  //! The value of the first span with `key`, if any.
  std::optional<std::string> Value(const std::string& key) const;
};

}  // namespace crm::nlu
