// POST /api/v1/ask: the JSON of `ask --json`, or the same answer as server-sent events (meta, delta…,
// done) when the client accepts text/event-stream. Threads continue across calls with the same session.
#include <cstdio>
#include <memory>

#include "api.h"
#include "http_json.h"
#include "sse.h"

namespace crm::server {

namespace {

//! A parsed ask request.
struct AskRequest {
  std::string question;
  std::string session;  //!< the client's thread id
  std::string thread;   //!< the stored thread: the session of the caller's own (empty without a session)
};

//! The question and session of the body, the thread kept under the caller's name (the local admin's
//! threads are the CLI's, under the bare session); an Error names what is wrong.
Result<AskRequest> ParseAsk(const httplib::Request& request, const auth::Caller& caller) {
  auto body = ParseJsonObject(request);
  if (!body.ok()) return body.error();
  auto question = StringMember(*body, "question");
  if (!question.ok()) return question.error();
  if (question->empty()) return Error{"\"question\" is required"};
  auto session = StringMember(*body, "session");
  if (!session.ok()) return session.error();
  if (!session->empty() && !store::IsValidSessionId(*session)) {
    return Error{"\"session\" must be 1 to 64 letters, digits, '-', '_' or '.'"};
  }
  std::string thread = session->empty() || caller.local_admin ? *session : caller.user + "/" + *session;
  return AskRequest{std::move(question).value(), std::move(session).value(), std::move(thread)};
}

//! Logs a store failure for the operator; the client only learns that the history failed.
void LogStoreError(const Error& error) {
  std::fprintf(stderr, "error: chat threads: %s\n", error.message.c_str());
}

//! The previous turn of the session, or an Error when the store fails.
Result<std::optional<nlu::PreviousTurn>> PreviousTurn(Api& api, const AskRequest& ask) {
  if (ask.thread.empty()) return std::optional<nlu::PreviousTurn>();
  auto last = api.threads.LastTurn(ask.thread);
  if (!last.ok()) LogStoreError(last.error());
  return last;
}

//! Records the answered turn when there is a session; false when the store fails.
bool Record(Api& api, const AskRequest& ask, const chat::Answer& answer) {
  if (ask.thread.empty()) return true;
  const Status saved =
      api.threads.Append(ask.thread, {ask.question, answer.intent, answer.entities, answer.markdown});
  if (!saved.ok()) LogStoreError(saved.error());
  return saved.ok();
}

//! Records the question and its answer (intent, sources, and the writer that wrote its text after any
//! fallback: null when no writer was involved) in the audit log.
void AuditAnswer(const Api& api, const auth::Caller& caller, const AskRequest& ask,
                 const chat::Answer& answer) {
  nlohmann::json detail = {
      {"question", ask.question},
      {"intent", answer.intent},
      {"sources", answer.sources},
      {"writer", answer.writer.empty() ? nlohmann::json() : nlohmann::json(answer.writer)}};
  if (!ask.session.empty()) detail["session"] = ask.session;
  api.Audit(caller, "ask", detail);
}

//! Refuses a question with 503 when the server is saturated, saying when to try again.
void SendBusy(httplib::Response& response, const std::string& message) {
  SendError(response, 503, message);
  response.set_header("Retry-After", "1");
}

//! Streams the answer: meta once the question is understood, the markdown in delta events as it is
//! written, then done with the full JSON (`"replace": true` when it replaces the deltas). Stops the work
//! as soon as the client is gone: nothing more is computed, written or recorded.
void StreamAnswer(Api& api, const chat::Assistant& assistant, auth::Caller caller, AskRequest ask,
                  std::optional<nlu::PreviousTurn> previous, std::shared_ptr<WorkSlots::Slot> slot,
                  std::shared_ptr<void> ticket, httplib::Response& response) {
  response.set_header("X-Accel-Buffering", "no");
  response.set_chunked_content_provider(
      "text/event-stream",
      [&api, &assistant, caller = std::move(caller), ask = std::move(ask), previous = std::move(previous),
       slot = std::move(slot), ticket = std::move(ticket)](size_t, httplib::DataSink& sink) mutable {
        const nlu::PreviousTurn* turn = previous ? &*previous : nullptr;
        const nlu::Understanding understanding = assistant.Understand(ask.question, turn);
        nlohmann::json meta = {{"intent", understanding.intent},
                               {"entities", chat::EntitiesJson(understanding.entities)}};
        if (!ask.session.empty()) meta["session"] = ask.session;
        if (!WriteEvent(sink, "meta", DumpJson(meta))) return false;
        const llm::ChunkCallback on_chunk = DeltaWriter(sink);
        const chat::Answer answer = assistant.Ask(ask.question, turn, &on_chunk);
        slot.reset();  // the computing is done
        if (answer.stopped) return false;
        AuditAnswer(api, caller, ask, answer);
        if (!Record(api, ask, answer)) {
          WriteEvent(sink, "error", DumpJson({{"error", "the chat history could not be saved"}}));
          sink.done();
          return true;
        }
        if (!WriteEvent(sink, "done", DumpJson(chat::AnswerJson(answer, ask.session)))) return false;
        sink.done();
        return true;
      });
}

}  // namespace

void AddAskRoutes(RouteTable& routes, Api& api) {
  routes.Add(
      {"POST",
       "/api/v1/ask",
       "/api/v1/ask",
       "answer {question, session}: the JSON of `ask --json`, or with Accept: text/event-stream server-sent "
       "events: meta {intent, entities}, delta {text} as the answer is written, done {the JSON, and "
       "\"replace\": true when its answer replaces the deltas shown}; 503 with Retry-After when busy",
       {}},
      [&api](const httplib::Request& request, httplib::Response& response) {
        auto caller = api.CallerOf(request);
        if (!caller.ok()) return SendError(response, 401, caller.error().message);
        if (!HasJsonContentType(request)) {
          return SendError(response, 415, "send the question as JSON (Content-Type: application/json)");
        }
        auto ask = ParseAsk(request, *caller);
        if (!ask.ok()) return SendError(response, 400, ask.error().message);
        const access::Workspace* workspace = api.WorkspaceFor(request, response);
        if (!workspace) return;
        auto previous = PreviousTurn(api, *ask);
        if (!previous.ok()) return SendError(response, 500, "the chat history could not be read");
        const bool streamed =
            request.get_header_value("Accept").find("text/event-stream") != std::string::npos;
        std::shared_ptr<void> ticket = streamed ? api.streams->Open() : nullptr;
        if (streamed && !ticket)
          return SendBusy(response, "too many chat answers are streaming: try again soon");
        std::optional<WorkSlots::Slot> slot = api.compute->Take();
        if (!slot) return SendBusy(response, "the server is busy answering other questions: try again soon");
        if (streamed) {
          return StreamAnswer(api, workspace->assistant(), std::move(caller).value(), std::move(ask).value(),
                              std::move(previous).value(),
                              std::make_shared<WorkSlots::Slot>(std::move(*slot)), std::move(ticket),
                              response);
        }
        const nlu::PreviousTurn* turn = *previous ? &**previous : nullptr;
        const chat::Answer answer = workspace->assistant().Ask(ask->question, turn);
        AuditAnswer(api, *caller, *ask, answer);
        if (!Record(api, *ask, answer)) {
          return SendError(response, 500, "the chat history could not be saved");
        }
        SendJson(response, 200, chat::AnswerJson(answer, ask->session));
      });
}

}  // namespace crm::server
