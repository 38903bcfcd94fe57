#include "crm/agents/account_summary_text.h"

#include "crm/agents/facts_text.h"
#include "crm/agents/phrasing.h"

namespace crm::agents {

namespace {

using nlohmann::json;

//! What a health component measures, in words.
std::string ComponentWords(const std::string& component) {
  if (component == "recency") return "recency of wins";
  if (component == "frequency") return "buying frequency";
  if (component == "monetary") return "spend over the last year";
  if (component == "win_trend") return "win-rate trend";
  if (component == "pipeline_coverage") return "pipeline coverage";
  if (component == "activity") return "recent activity";
  return component;
}

std::string Heading(const std::string& section) {
  if (section == "executive_summary") return "Executive summary";
  if (section == "key_metrics") return "Key metrics";
  if (section == "products") return "Products and whitespace";
  if (section == "open_opportunities") return "Open opportunities";
  if (section == "strengths") return "Strengths";
  if (section == "risks") return "Risks";
  if (section == "next_best_actions") return "Next best actions";
  if (section == "priority") return "Priority";
  if (section == "family") return "Account family";
  return section;
}

std::string Where(const json& account) {
  std::string text = WithArticle(Has(account, "sector") ? Text(account, "sector") + " account" : "account");
  if (Has(account, "office_location")) text += " based in " + Text(account, "office_location");
  return text;
}

std::string Executive(const json& facts, const Phrasing& say) {
  const json& account = facts["account"];
  const json& metrics = facts["metrics"];
  const json& health = facts["health"];
  const auto won = static_cast<int64_t>(Number(metrics, "won_deals"));
  const auto open = static_cast<int64_t>(Number(metrics, "open_deals"));
  const Slots slots = {{"account", Text(account, "name")},
                       {"where", Where(account)},
                       {"won", Plural(won, "won deal", "won deals")},
                       {"value", Usd(metrics, "won_value")},
                       {"open", Plural(open, "open deal", "open deals")},
                       {"open_value", Usd(metrics, "open_value")},
                       {"level", Text(facts["priority"], "level")}};
  std::string text = say.Say("executive.opening",
                             {"{account} is {where} with {won} worth {value} so far.",
                              "With {won} worth {value}, {account} is {where}.",
                              "{account}, {where}, has given us {won} worth {value}."},
                             slots);
  if (Has(metrics, "win_rate") && Has(metrics, "company_win_rate")) {
    const std::string rate = Percent(metrics, "win_rate"), company = Percent(metrics, "company_win_rate");
    const char* relation = rate == company ? "in line with"
                           : Number(metrics, "win_rate") > Number(metrics, "company_win_rate") ? "above"
                                                                                               : "below";
    text += " " + say.Say("executive.rate",
                          {"We win {rate} of its closed deals, {relation} the company's {company}.",
                           "Its win rate of {rate} is {relation} the company's {company}."},
                          {{"rate", rate}, {"relation", relation}, {"company", company}});
  }
  if (health.is_object() && Has(health, "score")) {
    text += " " +
            say.Say("executive.health",
                    {"Its health score is {score} ({band}).", "Health stands at {score}, in the {band} band.",
                     "The account's health score reads {score} ({band})."},
                    {{"score", Whole(health, "score")}, {"band", Text(health, "band")}});
  }
  text += " " + (open > 0 ? say.Say("executive.open",
                                    {"{open} worth {open_value} are in play.",
                                     "There are {open} in the pipeline, worth {open_value}."},
                                    slots)
                          : std::string("Nothing is open in the pipeline."));
  text += " " + say.Say("executive.priority", {"Priority: {level}.", "We rate it {level} priority."}, slots);
  return text;
}

std::string KeyMetrics(const json& facts) {
  const json& metrics = facts["metrics"];
  const json& health = facts["health"];
  std::string text;
  text += "- Won revenue: " + Usd(metrics, "won_value") + "\n";
  text += "- Deals won / lost: " + Whole(metrics, "won_deals") + " / " + Whole(metrics, "lost_deals") + "\n";
  text += "- Win rate: " + Percent(metrics, "win_rate") +
          " (company: " + Percent(metrics, "company_win_rate") + ")\n";
  text += "- Average won deal: " + Usd(metrics, "average_won_deal") + "\n";
  text += "- Last win: " +
          (Has(metrics, "last_win_date") ? LongDate(Text(metrics, "last_win_date")) : "none yet") + "\n";
  text += "- Open pipeline: " + Plural(static_cast<int64_t>(Number(metrics, "open_deals")), "deal", "deals") +
          ", " + Usd(metrics, "open_value") + "\n";
  if (health.is_object()) {
    text += "- Health score: " + Whole(health, "score") + " (" + Text(health, "band") + ")";
    std::string parts;
    for (const auto& [component, value] : health["components"].items()) {
      if (!value.is_number()) continue;
      parts += (parts.empty() ? "" : ", ") + ComponentWords(component) + " " +
               Whole(health["components"], component);
    }
    if (!parts.empty()) text += " — " + parts;
    text += "\n";
    if (Has(health, "risk_probability_90_days")) {
      text += "- Risk model: " + Percent(health, "risk_probability_90_days") +
              " chance of a quiet or halved next quarter\n";
    }
  }
  return text;
}

std::string Products(const json& facts, const Phrasing& say) {
  std::vector<std::string> bought;
  for (const json& product : facts["products_bought"]) {
    bought.push_back(Text(product, "product") + " (" + Whole(product, "won_deals") + " won, " +
                     Usd(product, "won_value") + ")");
  }
  std::string text = bought.empty() ? "No product bought yet." : "Bought: " + JoinWords(bought) + ".";
  const json& gaps = facts["whitespace"];
  if (gaps.empty()) return text + " No whitespace against sector peers.";
  std::vector<std::string> items;
  for (const json& gap : gaps) {
    items.push_back(Text(gap, "product") + " (" + Whole(gap, "adopting_peers") + " of " +
                    Whole(gap, "sector_peers") + " peers, about " + Usd(gap, "estimated_deal_value") +
                    " a deal)");
  }
  return text + " " +
         say.Say("products.whitespace",
                 {"Whitespace — bought by sector peers but not here: {items}.",
                  "Sector peers buy what it does not: {items}.",
                  "Room to grow, from what similar {sector} accounts buy: {items}."},
                 {{"items", JoinWords(items)}, {"sector", Text(facts["account"], "sector")}});
}

std::string Opportunities(const json& facts) {
  const json& open = facts["open_opportunities"];
  if (open.empty()) return "No open opportunities.";
  std::string text;
  for (const json& deal : open) {
    text += "- " + Text(deal, "opportunity_id") + ": " + Text(deal, "product") + ", " + Text(deal, "stage");
    if (Has(deal, "days_open"))
      text += " for " + Plural(static_cast<int64_t>(Number(deal, "days_open")), "day", "days");
    if (Has(deal, "sales_agent")) text += ", with " + Text(deal, "sales_agent");
    if (Has(deal, "probability")) {
      text += " — win probability " + Percent(deal, "probability") + " (" + Text(deal, "tier") + ")";
    }
    std::vector<std::string> factors;
    for (const json& factor : deal.value("factors", json::array())) {
      if (factors.size() < 2 && factor.is_string()) factors.push_back(factor.get<std::string>());
    }
    if (!factors.empty()) text += "; " + JoinWords(factors, "; ");
    text += "\n";
  }
  if (Number(facts["metrics"], "open_deals") > static_cast<double>(open.size())) {
    text += "\nThe best-scored are listed; " + Whole(facts["metrics"], "open_deals") + " are open in all.\n";
  }
  return text;
}

std::string Strengths(const json& facts, const Phrasing& say) {
  std::string text;
  for (const json& strength : facts["strengths"]) {
    const std::string kind = Text(strength, "kind");
    if (kind == "win_rate_above_company") {
      text += "- " + say.Say("strengths.win_rate",
                             {"Win rate {rate} beats the company's {company}.",
                              "We convert {rate} of its deals against {company} company-wide."},
                             {{"rate", Percent(strength, "win_rate")},
                              {"company", Percent(strength, "company_win_rate")}});
    } else if (kind == "strong_component") {
      text += "- Strong " + ComponentWords(Text(strength, "component")) + " (score " +
              Whole(strength, "score") + ")";
    } else if (kind == "product_breadth") {
      text += "- Buys across " + Whole(strength, "products") + " products";
    }
    text += "\n";
  }
  return text.empty() ? "No clear strength stands out yet.\n" : text;
}

std::string Risks(const json& facts, const Phrasing& say) {
  std::string text;
  for (const json& risk : facts["risks"]) {
    const std::string kind = Text(risk, "kind");
    if (kind == "at_risk_signal") {
      text += "- Flagged at risk: " + Text(risk, "evidence");
    } else if (kind == "win_rate_below_company") {
      text += "- " +
              say.Say("risks.win_rate",
                      {"Win rate {rate} trails the company's {company}.",
                       "Only {rate} of its closed deals are won, against {company} company-wide."},
                      {{"rate", Percent(risk, "win_rate")}, {"company", Percent(risk, "company_win_rate")}});
    } else if (kind == "weak_component") {
      text += "- Weak " + ComponentWords(Text(risk, "component")) + " (score " + Whole(risk, "score") + ")";
    } else if (kind == "risk_model") {
      text += "- The account risk model puts the chance of a quiet or halved next quarter at " +
              Percent(risk, "probability");
    } else if (kind == "no_open_pipeline") {
      text += "- Nothing open in the pipeline";
    }
    text += "\n";
  }
  return text.empty() ? "No risk signal in the data.\n" : text;
}

std::string ActionText(const json& action, const json& facts, const Phrasing& say) {
  const std::string kind = Text(action, "kind");
  const json& subject = action["subject"];
  const std::string account = Text(facts["account"], "name");
  if (kind == "advance_deal") {
    return Fill("Advance {id} ({product}, {stage}) to the next stage",
                {{"id", Text(subject, "opportunity_id")},
                 {"product", Text(subject, "product")},
                 {"stage", Text(subject, "stage")}});
  }
  if (kind == "review_risk") {
    return say.Say("actions.risk",
                   {"Hold an account review with {account} on the risk signals above",
                    "Call {account} to understand what has changed, starting from the risk signals"},
                   {{"account", account}});
  }
  if (kind == "propose_whitespace") {
    return Fill("Propose {product}, which {peers} of its {sector} peers already buy",
                {{"product", Text(subject, "product")},
                 {"peers", Whole(subject, "adopting_peers")},
                 {"sector", Text(facts["account"], "sector")}});
  }
  if (kind == "reopen_product") return "Open a new opportunity for " + Text(subject, "product");
  if (kind == "review_losses") return "Review the lost deals for a common cause before the next proposal";
  if (kind == "check_in") return "Check in with the " + account + " team on next quarter's plans";
  if (kind == "family_introduction") {
    std::vector<std::string> others;
    for (const json& member : subject) {
      if (member.get<std::string>() != account) others.push_back(member.get<std::string>());
    }
    return "Ask for an introduction across the group (" + JoinWords(others) + ")";
  }
  if (kind == "reference_request") return "Ask " + account + " for a reference or a case study";
  return "Send " + account + " the current product catalogue";
}

std::string Actions(const json& facts, const Phrasing& say) {
  std::string text;
  for (const json& action : facts["next_best_actions"]) {
    const std::string owner = Has(action, "owner") ? Text(action, "owner") : "an agent to be assigned";
    text += "- " + ActionText(action, facts, say) + " — owner: " + owner + ", " + Text(action, "time_frame") +
            "\n";
  }
  return text;
}

std::string PriorityText(const json& facts) {
  const json& priority = facts["priority"];
  std::vector<std::string> reasons;
  for (const json& reason : priority["reasons"]) reasons.push_back(reason.get<std::string>());
  return "**" + Text(priority, "level") + "**" +
         (reasons.empty() ? " — no risk signal and nothing open." : " — " + JoinWords(reasons) + ".");
}

std::string FamilyText(const json& facts) {
  const json& family = facts["family"];
  std::vector<std::string> members;
  for (const json& member : family["members"]) members.push_back(member.get<std::string>());
  return "Group of " + Text(family, "parent") + ": " + JoinWords(members) +
         ". Together: " + Plural(static_cast<int64_t>(Number(family, "won_deals")), "won deal", "won deals") +
         " worth " + Usd(family, "won_value") + ", " + Whole(family, "lost_deals") + " lost, " +
         Plural(static_cast<int64_t>(Number(family, "open_deals")), "open deal", "open deals") + " worth " +
         Usd(family, "open_value") + ".";
}

}  // namespace

Sections WriteAccountSections(const nlohmann::json& facts) {
  const Phrasing say(Text(facts["account"], "name"));
  Sections sections = {
      {"executive_summary", Executive(facts, say)}, {"key_metrics", KeyMetrics(facts)},
      {"products", Products(facts, say)},           {"open_opportunities", Opportunities(facts)},
      {"strengths", Strengths(facts, say)},         {"risks", Risks(facts, say)},
      {"next_best_actions", Actions(facts, say)},   {"priority", PriorityText(facts)}};
  if (facts["family"].is_object()) sections.emplace_back("family", FamilyText(facts));
  return sections;
}

std::string SectionsMarkdown(const std::string& account, const Sections& sections) {
  std::string markdown = "# " + account + "\n";
  for (const auto& [id, text] : sections) {
    markdown += "\n## " + Heading(id) + "\n\n" + text;
    if (markdown.back() != '\n') markdown += '\n';
  }
  return markdown;
}

}  // namespace crm::agents
