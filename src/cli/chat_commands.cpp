// `crm-assistant ask "QUESTION" [--session ID]` and `eval-router FILE.jsonl`: the conversation.
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli_context.h"
#include "crm/agents/agent_context.h"
#include "crm/chat/assistant.h"
#include "crm/chat/terminal_markdown.h"
#include "crm/llm/writing_task.h"
#include "crm/nlu/intent_classifier.h"
#include "crm/nlu/router_evaluation.h"
#include "crm/nlu/understander.h"
#include "crm/store/chat_threads.h"
#include "crm/store/store.h"

namespace crm::cli {

Command AskCommand(const GlobalOptions& options) {
  struct State {
    std::string question;
    std::string session;
  };
  auto state = std::make_shared<State>();
  Command command{"ask",
                  "Ask a question in plain words: pipeline, deals, accounts, agents, forecast, search…",
                  {},
                  nullptr};
  command.options.push_back({"QUESTION", "the question, in quotes", &state->question, true});
  command.options.push_back({"--session",
                             "continue this thread (letters, digits, - _ .): follow-ups reuse its context",
                             &state->session});
  command.run = [&options, state]() -> int {
    if (!state->session.empty() && !store::IsValidSessionId(state->session)) {
      std::cerr << "error: --session must be 1 to 64 letters, digits, '-', '_' or '.'\n";
      return 2;
    }
    auto loaded = LoadData(options);
    if (!loaded.ok()) return Fail(loaded.error());
    auto models = LoadModels(options, loaded->data);
    if (!models.ok()) return Fail(models.error());
    auto agents = agents::AgentContext::Build(
        loaded->data, std::make_shared<const models::ModelSet>(std::move(models).value()));
    if (!agents.ok()) return Fail(agents.error());
    auto writer = ConfiguredWriter();
    if (!writer.ok()) return Fail(writer.error());
    std::unique_ptr<search::SearchIndex> index;
    std::string search_problem;
    const chat::SearchProvider search = [&]() -> const search::SearchIndex* {
      if (!index && search_problem.empty()) {
        auto opened = OpenSearchIndex(options, loaded->data);
        if (opened.ok()) {
          index = std::move(opened).value();
        } else {
          search_problem = opened.error().message;
        }
      }
      return index.get();
    };
    const chat::Assistant assistant(**agents, **writer, search, nlu::BuiltinIntentClassifier());
    std::unique_ptr<store::Store> thread_store;
    std::optional<nlu::PreviousTurn> previous;
    if (!state->session.empty()) {
      auto opened = store::Store::Open(StorePath(options));
      if (!opened.ok()) return Fail(opened.error());
      thread_store = std::move(opened).value();
      auto last = store::ChatThreads(thread_store->connection()).LastTurn(state->session);
      if (!last.ok()) return Fail(last.error());
      previous = std::move(last).value();
    }
    const chat::Answer answer = assistant.Ask(state->question, previous ? &*previous : nullptr);
    if (thread_store) {
      const store::ChatTurn turn{state->question, answer.intent, answer.entities, answer.markdown};
      const Status saved = store::ChatThreads(thread_store->connection()).Append(state->session, turn);
      if (!saved.ok()) return Fail(saved.error());
    }
    if (options.json) {
      PrintJson(chat::AnswerJson(answer, state->session));
    } else {
      std::cout << chat::TerminalMarkdown(answer.markdown, chat::StdoutTerminalStyle());
      if (answer.markdown.empty()) std::cout << '\n';
      if (!answer.suggestions.empty()) {
        std::cout << "\nYou could also ask:";
        for (const std::string& suggestion : answer.suggestions) std::cout << "\n  - " << suggestion;
        std::cout << '\n';
      }
    }
    return 0;
  };
  return command;
}

Command EvalRouterCommand(const GlobalOptions& options) {
  auto file = std::make_shared<std::string>();
  Command command{
      "eval-router",
      "Measure question understanding on a JSONL file of {query, intent, entities}: intent accuracy, "
      "entity precision and recall, confusion matrix",
      {},
      nullptr};
  command.options.push_back({"FILE", "JSON lines {\"query\", \"intent\", \"entities\"}", file.get(), true});
  command.run = [&options, file]() -> int {
    std::ifstream input(*file, std::ios::binary);
    if (!input) return Fail(Error{"cannot read " + *file});
    std::stringstream text;
    text << input.rdbuf();
    auto cases = nlu::ParseRouterCases(text.str(), *file);
    if (!cases.ok()) return Fail(cases.error());
    auto loaded = LoadData(options);
    if (!loaded.ok()) return Fail(loaded.error());
    const nlu::Understander understander(loaded->data, nlu::BuiltinIntentClassifier());
    const int32_t as_of = loaded->data.LatestDate();
    const nlu::RouterEvaluation evaluation =
        nlu::EvaluateRouter(*cases, [&](const std::string& query) -> nlu::RouterPrediction {
          nlu::Understanding understanding = understander.Understand(query, as_of);
          return {std::move(understanding.intent), std::move(understanding.entities)};
        });
    if (options.json) {
      PrintJson(nlu::RouterEvaluationJson(evaluation));
    } else {
      std::cout << nlu::RouterEvaluationText(evaluation);
    }
    return 0;
  };
  return command;
}

}  // namespace crm::cli
