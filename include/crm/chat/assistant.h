#pragma once
// The assistant: a question in, an answer out. Understands the question (intent, entities, the thread's
// previous turn), runs the engine its intent calls for, and writes the answer with its data and sources.

#include <functional>
#include <string_view>

#include "crm/chat/answer.h"
#include "crm/chat/answer_context.h"
#include "crm/nlu/follow_up.h"
#include "crm/nlu/understander.h"
#include "crm/search/search_index.h"

namespace crm::chat {

//! Gives the search index when a question needs one; may return null (search then says it is missing).
using SearchProvider = std::function<const search::SearchIndex*()>;

//! Answers questions over one loaded dataset; const and safe to share across threads.
class Assistant {
 public:
  //! An assistant over the agents' shared state (its data, engine and models) and a writer, which
  //! outlive it. `search` gives the search index when a question needs it (built or loaded on first use
  //! by the caller's choice).
  Assistant(const agents::AgentContext& agents, const llm::TextWriter& writer, SearchProvider search,
            const nlu::IntentClassifier& classifier);

  //! Understands `question` (with the thread's `previous` turn when there is one) and answers it. With
  //! `on_chunk`, the markdown streams to it as it is written (an LLM's text as it arrives), then the
  //! rest of the answer; Answer::replace says when the finished markdown must replace what was sent.
  //! When `on_chunk` returns false, the work stops (an LLM transfer is aborted) and Answer::stopped is set.
  Answer Ask(std::string_view question, const nlu::PreviousTurn* previous = nullptr,
             const llm::ChunkCallback* on_chunk = nullptr) const;

  //! The understanding alone, as `eval-router` measures it.
  nlu::Understanding Understand(std::string_view question, const nlu::PreviousTurn* previous = nullptr) const;

 private:
  //! The answer written through `context` (the shared one, or a streaming copy of it).
  Answer Answered(const AnswerContext& context, std::string_view question,
                  const nlu::PreviousTurn* previous) const;
  //! The answer for an understood question.
  Answer Dispatch(const AnswerContext& context, std::string_view question,
                  const nlu::Understanding& understanding) const;

  AnswerContext context_;
  SearchProvider search_;
  nlu::Understander understander_;
};

}  // namespace crm::chat
