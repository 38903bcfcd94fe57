#pragma once
// Answers for the intents that are insights of the analytics engine (pipeline_overview … forecast):
// the insight computed with the question's filters, summed up in a few sentences and its main table.

#include <string>

#include "crm/analytics/filters.h"
#include "crm/chat/answer.h"
#include "crm/chat/answer_context.h"

namespace crm::chat {

//! True for the intents answered by an insight of the same name.
bool IsInsightIntent(const std::string& intent);

//! The insight filters of `entities` (top_n becomes top).
analytics::FilterRequest FiltersOf(const Entities& entities);

//! Runs the insight named like `intent` with the entities as filters and writes the answer from its
//! figures; a filter the data cannot satisfy is explained in the answer, never an error.
Answer AnswerInsight(const AnswerContext& context, const std::string& intent, const Entities& entities);

//! The sources of an insight: the computation (type, filters, as-of date, definitions) and the
//! opportunities and accounts named in its first `max_rows` rows of the main table.
nlohmann::json InsightSources(const analytics::Insight& insight, const std::string& table, size_t max_rows);

}  // namespace crm::chat
