#pragma once
// Answers for the search intent: a question in words turned into a hybrid search (words, filters,
// look-alikes) and its results.

#include <string_view>

#include "crm/chat/answer.h"
#include "crm/chat/answer_context.h"
#include "crm/nlu/understander.h"
#include "crm/search/search_index.h"

namespace crm::chat {

//! The search a question asks for: the entities as filters (sector, country, stage, product, agent),
//! its numeric conditions, the kind of record it names ("companies", "deals"), top N as k, and as text
//! the words left once names, conditions and filler words ("find", "with more than") are taken out.
search::SearchRequest SearchRequestOf(std::string_view question, const nlu::Understanding& understanding);

//! True when the question asks for look-alikes of a named account ("similar to", "like", "peers of").
bool AsksForLookAlikes(std::string_view question);

//! Runs the search (look-alike accounts when asked for and an account is named) and lists the results
//! with why each matched; says so when there is no index or nothing matches.
Answer AnswerSearch(const AnswerContext& context, const search::SearchIndex* index, std::string_view question,
                    const nlu::Understanding& understanding);

}  // namespace crm::chat
