#include "crm/nlu/follow_up.h"

#include <array>
#include <cctype>
#include <vector>

namespace crm::nlu {

namespace {

//! The question in lower case, split into words of letters, digits, apostrophes and hyphens.
std::vector<std::string> Words(std::string_view question) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : question) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '\'' || c == '-' || u >= 0x80) {
      word += static_cast<char>(std::tolower(u));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace

Continuation ReadContinuation(std::string_view question) {
  const std::vector<std::string> words = Words(question);
  if (words.empty()) return Continuation::kNone;
  static const std::vector<std::vector<const char*>> fragment_openings = {
      {"and"},        {"what", "about"}, {"how", "about"}, {"same"},      {"only"},      {"just"},
      {"also"},       {"but"},           {"now", "for"},   {"now", "in"}, {"now", "by"}, {"then", "for"},
      {"what", "if"}, {"for"},           {"in"},           {"by"},        {"ok", "and"}, {"okay", "and"}};
  for (const auto& opening : fragment_openings) {
    bool match = words.size() >= opening.size();
    for (size_t i = 0; match && i < opening.size(); ++i) match = words[i] == opening[i];
    if (match && words.size() <= opening.size() + 6) return Continuation::kFragment;
  }
  static const std::array<const char*, 14> references = {"them",  "they", "their", "it",   "its",
                                                         "him",   "her",  "that",  "this", "those",
                                                         "these", "same", "there", "he"};
  for (size_t i = 0; i < words.size(); ++i) {
    for (const char* reference : references) {
      if (words[i] != reference) continue;
      // "that"/"this" only as "that account", "this deal", …, not "is that good".
      const bool demonstrative = words[i] == "that" || words[i] == "this";
      if (!demonstrative) return Continuation::kReference;
      if (i + 1 < words.size()) {
        const std::string& next = words[i + 1];
        for (const char* subject :
             {"account", "company", "customer", "client", "deal", "opportunity", "one", "rep", "agent"}) {
          if (next == subject) return Continuation::kReference;
        }
      }
    }
  }
  return Continuation::kNone;
}

Entities MergeFragment(const Entities& previous, const Entities& current) {
  Entities merged = previous;
  for (const auto& [key, value] : current) merged[key] = value;
  return merged;
}

Entities MergeReference(const Entities& previous, const Entities& current) {
  Entities merged = current;
  for (const char* key : {"account", "opportunity_id", "product", "sales_agent"}) {
    const auto found = previous.find(key);
    if (found != previous.end() && !merged.count(key)) merged[key] = found->second;
  }
  return merged;
}

}  // namespace crm::nlu
