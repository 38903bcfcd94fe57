#include "crm/chat/assistant.h"

#include <algorithm>
#include <vector>

#include "crm/chat/guide_answers.h"
#include "crm/chat/insight_answer.h"
#include "crm/chat/markdown_stream.h"
#include "crm/chat/record_answers.h"
#include "crm/chat/search_answer.h"
#include "crm/llm/streaming_writer.h"

namespace crm::chat {

namespace {

//! Questions longer than this are not read (no CRM question needs more).
constexpr size_t kMaxQuestionBytes = 2000;

//! The entities an insight runs with: a key the question names twice or more ("compare GTX Pro and MG
//! Special") becomes the grouping instead of a filter on its first value.
nlu::Entities ComparedEntities(const nlu::Understanding& understanding) {
  nlu::Entities entities = understanding.entities;
  for (const char* key : {"product", "series", "sector", "sales_agent", "manager", "regional_office",
                          "account", "country", "deal_stage"}) {
    std::vector<std::string> values;
    for (const nlu::EntitySpan& span : understanding.linked.spans) {
      if (span.key == key && std::find(values.begin(), values.end(), span.value) == values.end())
        values.push_back(span.value);
    }
    if (values.size() < 2 || entities.count("by")) continue;
    entities.erase(key);
    entities["by"] = key;
  }
  return entities;
}

}  // namespace

Assistant::Assistant(const agents::AgentContext& agents, const llm::TextWriter& writer, SearchProvider search,
                     const nlu::IntentClassifier& classifier)
    : context_{agents.data(), agents.engine(), agents.models(), agents, writer},
      search_(std::move(search)),
      understander_(agents.data(), classifier) {}

nlu::Understanding Assistant::Understand(std::string_view question, const nlu::PreviousTurn* previous) const {
  return understander_.Understand(question, context_.engine.latest_day(), previous);
}

Answer Assistant::Ask(std::string_view question, const nlu::PreviousTurn* previous,
                      const llm::ChunkCallback* on_chunk) const {
  if (on_chunk == nullptr) return Answered(context_, question, previous);
  MarkdownStream stream(*on_chunk);
  const llm::StreamingWriter writer(context_.writer, stream.callback());
  const AnswerContext streaming{context_.data,   context_.engine, context_.models,
                                context_.agents, writer,          &stream.callback()};
  Answer answer = Answered(streaming, question, previous);
  if (!stream.stopped()) answer.replace = stream.Finish(answer.markdown);
  answer.stopped = stream.stopped();
  return answer;
}

Answer Assistant::Answered(const AnswerContext& context, std::string_view question,
                           const nlu::PreviousTurn* previous) const {
  if (question.size() > kMaxQuestionBytes) {
    Answer answer = AnswerUnsupported(context.data);
    answer.markdown = "That question is too long for me: please ask it in fewer than " +
                      std::to_string(kMaxQuestionBytes) + " characters.";
    return answer;
  }
  if (question.find_first_not_of(" \t\r\n") == std::string_view::npos) return AnswerHelp(context.data);
  const nlu::Understanding understanding = Understand(question, previous);
  Answer answer = Dispatch(context, question, understanding);
  answer.confidence = understanding.confidence;
  return answer;
}

Answer Assistant::Dispatch(const AnswerContext& context, std::string_view question,
                           const nlu::Understanding& understanding) const {
  const std::string& intent = understanding.intent;
  const nlu::Entities& entities = understanding.entities;
  if (intent == "unsupported") return AnswerUnsupported(context.data);
  if (understanding.clarify) return AnswerClarification(understanding.ranked, entities);
  if (intent == "help") return AnswerHelp(context.data);
  if (IsInsightIntent(intent)) return AnswerInsight(context, intent, ComparedEntities(understanding));
  if (intent == "account_summary") return AnswerAccountSummary(context, entities);
  if (intent == "opportunity_score") return AnswerOpportunityScore(context, entities);
  // an email's markdown reformats the whole draft (subject line, escaped lines): it is sent when done
  if (intent == "email_draft") return AnswerEmail(context_, entities);
  return AnswerSearch(context, search_ ? search_() : nullptr, question, understanding);
}

}  // namespace crm::chat
