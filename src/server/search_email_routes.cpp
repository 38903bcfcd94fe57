// GET /api/v1/search (the JSON of `search TEXT --json`) and POST /api/v1/email (the JSON of `email --json`).
#include <cctype>
#include <charconv>
#include <variant>

#include "api.h"
#include "crm/agents/account_lookup.h"
#include "crm/agents/email_draft.h"
#include "crm/agents/email_kinds.h"
#include "crm/search/result_json.h"
#include "crm/search/search_documents.h"
#include "crm/search/text_folding.h"
#include "http_json.h"

namespace crm::server {

namespace {

//! Most results a search may ask for.
constexpr size_t kMaxResults = 100;

//! The `k` parameter: 10 when absent; an Error unless a number from 1 to kMaxResults.
Result<size_t> ResultCount(const httplib::Request& request) {
  if (!request.has_param("k")) return size_t{10};
  const std::string text = request.get_param_value("k");
  size_t k = 0;
  const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), k);
  if (failure != std::errc() || end != text.data() + text.size() || k < 1 || k > kMaxResults) {
    return Error{"k must be a number from 1 to " + std::to_string(kMaxResults)};
  }
  return k;
}

//! What is wrong with an email request, and the HTTP status that says so.
struct EmailProblem {
  int status;
  std::string message;
};

//! Reads {account | opportunity_id, type, tone, product, to} into an EmailRequest.
std::variant<agents::EmailRequest, EmailProblem> ParseEmail(const agents::AgentContext& agents,
                                                            const nlohmann::json& body) {
  std::string fields[5];
  const char* names[5] = {"account", "opportunity_id", "type", "tone", "product"};
  for (int i = 0; i < 5; ++i) {
    auto value = StringMember(body, names[i]);
    if (!value.ok()) return EmailProblem{400, value.error().message};
    fields[i] = std::move(value).value();
  }
  auto to = StringMember(body, "to");
  if (!to.ok()) return EmailProblem{400, to.error().message};
  agents::EmailRequest request;
  const auto type = agents::EmailTypeFromName(fields[2].empty() ? "follow_up" : fields[2]);
  if (!type)
    return EmailProblem{400, "unknown email type '" + fields[2] + "'; valid: " + agents::EmailTypeList()};
  const auto tone = agents::ToneFromName(fields[3].empty() ? "professional" : fields[3]);
  if (!tone) return EmailProblem{400, "unknown tone '" + fields[3] + "'; valid: " + agents::ToneList()};
  request.type = *type;
  request.tone = *tone;
  request.product = fields[4];
  request.to = *to;
  if (fields[0].empty() == fields[1].empty()) {
    return EmailProblem{400, "give either \"account\" or \"opportunity_id\""};
  }
  if (!fields[1].empty()) {
    std::string id = fields[1];
    for (char& c : id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    request.deal = agents.data().FindOpportunity(id);
    if (request.deal == kNoIndex) return EmailProblem{404, "no opportunity with id '" + fields[1] + "'"};
  } else {
    auto account = agents::FindAccountByName(agents.data(), fields[0]);
    if (!account.ok()) return EmailProblem{404, account.error().message};
    request.account = *account;
  }
  return request;
}

}  // namespace

void AddSearchAndEmailRoutes(RouteTable& routes, Api& api) {
  routes.Add({"GET",
              "/api/v1/search",
              "/api/v1/search",
              "hybrid search over accounts and opportunities",
              {"q", "k"}},
             [&api](const httplib::Request& request, httplib::Response& response) {
               const std::string text = request.get_param_value("q");
               if (search::Words(text).empty())
                 return SendError(response, 400, "give words to search for in q");
               auto k = ResultCount(request);
               if (!k.ok()) return SendError(response, 400, k.error().message);
               const access::Workspace* workspace = api.WorkspaceFor(request, response);
               if (!workspace) return;
               if (!workspace->search()) return SendError(response, 503, "search is not available");
               auto results = workspace->search()->Search({.text = text, .k = *k});
               if (!results.ok()) return SendError(response, 400, results.error().message);
               SendJson(response, 200, search::ResultsJson(text, *results));
             });
  routes.Add(
      {"POST",
       "/api/v1/email",
       "/api/v1/email",
       "draft an email {account | opportunity_id, type, tone, product, to}: the JSON of `email --json`",
       {}},
      [&api](const httplib::Request& request, httplib::Response& response) {
        if (!HasJsonContentType(request)) {
          return SendError(response, 415, "send the request as JSON (Content-Type: application/json)");
        }
        auto body = ParseJsonObject(request);
        if (!body.ok()) return SendError(response, 400, body.error().message);
        const access::Workspace* workspace = api.WorkspaceFor(request, response);
        if (!workspace) return;
        const agents::AgentContext& agents = workspace->agents();
        auto parsed = ParseEmail(agents, *body);
        if (const auto* problem = std::get_if<EmailProblem>(&parsed)) {
          return SendError(response, problem->status, problem->message);
        }
        auto draft = agents::DraftEmail(agents, std::get<agents::EmailRequest>(parsed), *api.state->writer);
        if (!draft.ok()) return SendError(response, 400, draft.error().message);
        SendJson(response, 200, agents::ToJson(*draft));
      });
}

}  // namespace crm::server
