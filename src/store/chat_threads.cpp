#include "crm/store/chat_threads.h"

#include <nlohmann/json.hpp>

#include "crm/store/sqlite.h"
#include "crm/store/timestamp.h"

namespace crm::store {

bool IsValidSessionId(std::string_view session) {
  if (session.empty() || session.size() > 64) return false;
  for (const char c : session) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

Result<std::optional<nlu::PreviousTurn>> ChatThreads::LastTurn(const std::string& session) const {
  auto statement = Prepare(db_,
                           "SELECT intent, entities FROM chat_turns WHERE session = ?1 AND continuable = 1 "
                           "ORDER BY turn DESC LIMIT 1");
  if (!statement.ok()) return statement.error();
  sqlite3_bind_text(statement->get(), 1, session.data(), static_cast<int>(session.size()), SQLITE_TRANSIENT);
  const int step = sqlite3_step(statement->get());
  if (step == SQLITE_DONE) return std::optional<nlu::PreviousTurn>();
  if (step != SQLITE_ROW) return Error{"reading the chat thread '" + session + "': " + LastError(db_)};
  nlu::PreviousTurn turn;
  turn.intent = reinterpret_cast<const char*>(sqlite3_column_text(statement->get(), 0));
  const auto* entities_text = reinterpret_cast<const char*>(sqlite3_column_text(statement->get(), 1));
  const nlohmann::json entities = nlohmann::json::parse(entities_text ? entities_text : "{}", nullptr, false);
  if (entities.is_object()) {
    for (const auto& [key, value] : entities.items()) {
      if (value.is_string()) turn.entities[key] = value.get<std::string>();
    }
  }
  return std::optional<nlu::PreviousTurn>(std::move(turn));
}

Status ChatThreads::Append(const std::string& session, const ChatTurn& turn) {
  auto transaction = Transaction::Begin(db_, "BEGIN IMMEDIATE");
  if (!transaction.ok()) return transaction.error();
  auto statement =
      Prepare(db_,
              "INSERT INTO chat_turns (session, turn, created_at, question, intent, entities, "
              "answer, continuable) SELECT ?1, COALESCE(MAX(turn), 0) + 1, ?2, ?3, ?4, ?5, ?6, ?7 "
              "FROM chat_turns WHERE session = ?1");
  if (!statement.ok()) return statement.error();
  nlohmann::json entities = nlohmann::json::object();
  for (const auto& [key, value] : turn.entities) entities[key] = value;
  const std::string entities_text = entities.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const std::string now = UtcTimestampNow();
  const bool continuable = turn.intent != "help" && turn.intent != "unsupported";
  sqlite3_stmt* s = statement->get();
  sqlite3_bind_text(s, 1, session.data(), static_cast<int>(session.size()), SQLITE_TRANSIENT);
  sqlite3_bind_text(s, 2, now.data(), static_cast<int>(now.size()), SQLITE_TRANSIENT);
  sqlite3_bind_text(s, 3, turn.question.data(), static_cast<int>(turn.question.size()), SQLITE_TRANSIENT);
  sqlite3_bind_text(s, 4, turn.intent.data(), static_cast<int>(turn.intent.size()), SQLITE_TRANSIENT);
  sqlite3_bind_text(s, 5, entities_text.data(), static_cast<int>(entities_text.size()), SQLITE_TRANSIENT);
  sqlite3_bind_text(s, 6, turn.answer.data(), static_cast<int>(turn.answer.size()), SQLITE_TRANSIENT);
  sqlite3_bind_int(s, 7, continuable ? 1 : 0);
  if (sqlite3_step(s) != SQLITE_DONE)
    return Error{"saving the chat thread '" + session + "': " + LastError(db_)};
  return transaction->Commit();
}

}  // namespace crm::store
