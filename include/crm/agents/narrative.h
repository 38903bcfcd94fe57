#pragma once
// The insight narrative agent: the key findings of any insight in order of importance, compared with
// their baselines (a group's win rate against the overall rate, the latest period against the one
// before), and two or three recommendations; facts first, then the offline text and the writing task.

#include <nlohmann/json.hpp>

#include "crm/analytics/insight.h"
#include "crm/llm/writing_task.h"

namespace crm::agents {

//! The findings, comparisons and recommendations of an insight, as facts.
nlohmann::json NarrativeFacts(const analytics::Insight& insight);

//! One insight's narrative.
struct Narrative {
  nlohmann::json facts;   //!< everything the text may use
  llm::WritingTask task;  //!< what an LLM writer is asked to write
  llm::WrittenText text;  //!< the Markdown the user sees, from the writer
};

//! Writes the narrative of `insight` with `writer`.
Narrative NarrateInsight(const analytics::Insight& insight, const llm::TextWriter& writer);

}  // namespace crm::agents
