#include "crm/nlu/intent_corpus.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "crm/nlu/intents.h"
#include "crm/nlu/linked_query.h"

namespace crm::nlu {
namespace {

bool IsMaskedKey(std::string_view key) {
  const auto& keys = MaskedEntityKeys();
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// The first "{...}" in `text` whose content is not an entity key, or empty when all are.
std::string UnknownPlaceholder(std::string_view text) {
  for (size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
    const size_t close = text.find('}', open);
    if (close == std::string_view::npos) return std::string(text.substr(open));
    const std::string_view key = text.substr(open + 1, close - open - 1);
    if (!IsMaskedKey(key)) return std::string(text.substr(open, close - open + 1));
  }
  return {};
}

// One line of the corpus, or an error without the line prefix.
Result<LabeledQuestion> ParseLine(std::string_view line) {
  const nlohmann::json object = nlohmann::json::parse(line, nullptr, false);
  if (object.is_discarded() || !object.is_object()) return Error{"not a JSON object"};
  LabeledQuestion question;
  for (const char* field : {"text", "intent"}) {
    const auto it = object.find(field);
    if (it == object.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
      return Error{std::string("missing or empty string field \"") + field + "\""};
    }
  }
  question.text = object["text"].get<std::string>();
  question.intent = object["intent"].get<std::string>();
  if (!IsIntent(question.intent)) return Error{"unknown intent \"" + question.intent + "\""};
  const std::string placeholder = UnknownPlaceholder(question.text);
  if (!placeholder.empty()) return Error{"unknown placeholder " + placeholder};
  return question;
}

}  // namespace

Result<std::vector<LabeledQuestion>> ParseIntentCorpus(std::string_view jsonl) {
  std::vector<LabeledQuestion> questions;
  size_t line_number = 0;
  while (!jsonl.empty()) {
    ++line_number;
    const size_t end = jsonl.find('\n');
    std::string_view line = jsonl.substr(0, end);
    jsonl = end == std::string_view::npos ? std::string_view() : jsonl.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    Result<LabeledQuestion> question = ParseLine(line);
    if (!question) return Error{"line " + std::to_string(line_number) + ": " + question.error().message};
    questions.push_back(std::move(question).value());
  }
  return questions;
}

std::string MaskPlaceholders(std::string_view text) {
  std::string masked;
  masked.reserve(text.size());
  size_t position = 0;
  while (position < text.size()) {
    const size_t open = text.find('{', position);
    const size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) break;
    const std::string key(text.substr(open + 1, close - open - 1));
    masked.append(text.substr(position, open - position));
    masked += IsMaskedKey(key) ? MaskToken(key) : std::string(text.substr(open, close - open + 1));
    position = close + 1;
  }
  masked.append(text.substr(std::min(position, text.size())));
  return masked;
}

const std::vector<LabeledQuestion>& BuiltinIntentCorpus() {
  static const std::vector<LabeledQuestion> corpus = [] {
    Result<std::vector<LabeledQuestion>> parsed = ParseIntentCorpus(BuiltinIntentCorpusText());
    // The corpus is checked by the tests at build time: a parse error here is a bug.
    if (!parsed) throw std::logic_error("built-in intent corpus: " + parsed.error().message);
    return std::move(parsed).value();
  }();
  return corpus;
}

}  // namespace crm::nlu
