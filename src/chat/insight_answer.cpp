#include "crm/chat/insight_answer.h"

#include <algorithm>
#include <charconv>

#include "crm/agents/narrative.h"
#include "crm/analytics/fact_text.h"
#include "crm/analytics/period.h"
#include "crm/chat/markdown.h"
#include "crm/common/date.h"

namespace crm::chat {

namespace {

//! A sentence of an answer with `{metric}` placeholders (`{$metric}` for dollars); it is left out when a
//! metric it names is missing, or when `when_metric` is set and that metric is not `when_value`.
struct Sentence {
  std::string_view text;
  std::string_view when_metric = {};
  std::string_view when_value = {};
};

//! How an intent's answer is written: its sentences, the table it shows and that table's columns.
struct InsightSummary {
  std::string_view intent;
  std::vector<Sentence> sentences;
  std::vector<std::string_view> tables;  //!< the first one the insight has is shown
  std::vector<std::string> columns;      //!< empty: all
  std::vector<std::string> suggestions;  //!< follow-up questions
};

const std::vector<InsightSummary>& Summaries() {
  static const std::vector<InsightSummary> summaries = {
      {"pipeline_overview",
       {{"There are **{open_deals}** open deals with an estimated value of **{$open_pipeline_value}**, or "
         "**{$weighted_pipeline_value}** weighted by their win probability."},
        {"{won_deals} deals were won for {$won_revenue} and {lost_deals} lost: a win rate of {win_rate}."},
        {"The median sales cycle is {sales_cycle_median_days} days (P75 {sales_cycle_p75_days} days)."}},
       {"by_stage"},
       {"deal_stage", "deals", "share", "value", "expected_value"},
       {"Which deals are at risk?", "What is the forecast for next quarter?", "Win rate by product"}},
      {"top_opportunities",
       {{"These are the **{top_deals}** open deals with the highest expected value: together "
         "**{$top_expected_value}**, {top_share} of the {$open_expected_value} expected from all "
         "{open_deals} "
         "open deals."}},
       {"top_opportunities"},
       {"opportunity_id", "account", "product", "sales_agent", "deal_stage", "days_open", "win_probability",
        "expected_value", "reason"},
       {"Which of these deals are at risk?", "Which accounts should we focus on?"}},
      {"at_risk_deals",
       {{"**{at_risk_deals}** of {open_deals} open deals ({at_risk_share}) are at risk, with an estimated "
         "value of **{$at_risk_estimated_value}**."},
        {"{deals_past_cycle} are open longer than the P75 cycle of their product's won deals, "
         "{deals_low_probability} have a low win probability (below {low_probability_cutoff}) and "
         "{deals_overloaded_agent} sit with an agent whose open load is far above the team's."},
        {"{deals_no_recent_activity} have had no activity for {no_activity_threshold_days} days or more."}},
       {"at_risk_deals"},
       {"opportunity_id", "account", "product", "sales_agent", "days_open", "win_probability", "reasons"},
       {"Which accounts are at risk?", "Show the top opportunities"}},
      {"at_risk_accounts",
       {{"**{accounts_at_risk}** of {accounts_assessed} accounts show signs of risk: a win overdue against "
         "their own buying rhythm, a falling win rate, a pipeline that dried up or a run of losses."}},
       {"at_risk_accounts"},
       {"account", "sector", "health_score", "band", "days_since_last_win", "reasons"},
       {"Which accounts should we prioritize?", "Which deals are at risk?"}},
      {"conversion_analysis",
       {{"The win rate is **{win_rate}**: {won_deals} won of {closed_deals} closed deals (95% interval "
         "{win_rate_low} to {win_rate_high})."},
        {"By {grouped_by}, the highest is {highest_win_rate_group} at {highest_win_rate} and the lowest "
         "{lowest_win_rate_group} at {lowest_win_rate}."},
        {"Their 95% intervals overlap, so the gap may well be chance.", "highest_lowest_intervals_overlap",
         "yes"},
        {"Their 95% intervals do not overlap.", "highest_lowest_intervals_overlap", "no"}},
       {},
       {},
       {"Win rate by sales agent", "Win rate by quarter", "How is the pipeline?"}},
      {"industry_trends",
       {{"Won revenue across sectors: **{$won_revenue}**."},
        {"From {previous_quarter} to {growth_quarter}, {top_grower} grew most ({top_grower_growth_rate}) and "
         "{top_decliner} fell most ({top_decliner_growth_rate})."},
        {"Growing: {growing_sectors}. Shrinking: {shrinking_sectors}."}},
       {"by_sector"},
       {"sector", "won_revenue", "won_deals", "win_rate", "revenue_share"},
       {"Win rate by sector", "Which accounts should we focus on?"}},
      {"account_prioritization",
       {{"Accounts ranked by potential: products their sector peers buy and they do not (whitespace), open "
         "pipeline, size and health. {accounts_with_whitespace} of {accounts} accounts have whitespace "
         "worth {$whitespace_value} in all."}},
       {"account_prioritization"},
       {"account", "sector", "potential_score", "whitespace_products", "open_deals", "health_score",
        "reasons"},
       {"Which accounts are at risk?", "Show the top opportunities"}},
      {"forecast",
       {{"For {next_quarter} the forecast is a median of **{$next_quarter_p50}** won revenue, with an 80% "
         "range from {$next_quarter_p10} to {$next_quarter_p90}: on average {$next_quarter_already_won} "
         "already "
         "won, {$next_quarter_from_open_deals} from open deals and {$next_quarter_new_business} from new "
         "business."},
        {"{stalled_deals} open deals have stalled (older than 95% of their product's won deals took to "
         "close) "
         "and win only as often as stalled deals did before."},
        {"The point projection, for comparison, is {$projected_next_quarter}."},
        {"Backtest: for {backtest_quarter} the same method projected {$backtest_projected} against "
         "{$backtest_actual} actually won."}},
       {"simulation", "projection"},
       {},
       {"How is the pipeline?", "Which deals are at risk?"}},
      {"agent_performance",
       {{"{top_agent} leads with **{$top_agent_won_revenue}** won; the win rate across the {agents} agents "
         "is "
         "{team_win_rate}."},
        {"Highest win rate: {highest_win_rate_agent} ({highest_win_rate}); lowest: {lowest_win_rate_agent} "
         "({lowest_win_rate})."},
        {"Their 95% intervals overlap, so that gap may be chance.", "highest_lowest_intervals_overlap",
         "yes"}},
       {"leaderboard"},
       {"sales_agent", "manager", "regional_office", "won_revenue", "won_deals", "win_rate", "open_deals"},
       {"Performance by manager", "Win rate by regional office"}},
  };
  return summaries;
}

const InsightSummary* SummaryOf(const std::string& intent) {
  for (const InsightSummary& summary : Summaries()) {
    if (summary.intent == intent) return &summary;
  }
  return nullptr;
}

//! The metric's text for a placeholder, or nothing when it is missing.
std::optional<std::string> MetricText(const analytics::Insight& insight, std::string_view placeholder) {
  const bool dollars = !placeholder.empty() && placeholder.front() == '$';
  const std::string name(dollars ? placeholder.substr(1) : placeholder);
  const analytics::Cell* cell = insight.FindMetric(name);
  if (cell == nullptr || std::holds_alternative<std::nullptr_t>(*cell)) return std::nullopt;
  if (dollars) return analytics::UsdText(analytics::CellNumber(*cell));
  return EscapeMarkdown(analytics::FormatCell(*cell, name));
}

//! The sentence with its placeholders filled, or nothing when one is missing or its condition fails.
std::optional<std::string> Fill(const Sentence& sentence, const analytics::Insight& insight) {
  if (!sentence.when_metric.empty()) {
    const analytics::Cell* cell = insight.FindMetric(std::string(sentence.when_metric));
    const auto* text = cell == nullptr ? nullptr : std::get_if<std::string>(cell);
    if (text == nullptr || *text != sentence.when_value) return std::nullopt;
  }
  std::string filled;
  const std::string_view text = sentence.text;
  size_t at = 0;
  while (at < text.size()) {
    const size_t open = text.find('{', at);
    if (open == std::string_view::npos) {
      filled += text.substr(at);
      break;
    }
    const size_t close = text.find('}', open);
    filled += text.substr(at, open - at);
    const std::optional<std::string> value = MetricText(insight, text.substr(open + 1, close - open - 1));
    if (!value) return std::nullopt;
    filled += *value;
    at = close + 1;
  }
  return filled;
}

//! The table an answer shows: by manager or office when the question groups agents so.
const analytics::Table* MainTable(const analytics::Insight& insight, const InsightSummary& summary,
                                  const Entities& entities) {
  const auto by = entities.find("by");
  if (summary.intent == "agent_performance" && by != entities.end()) {
    if (const analytics::Table* table = insight.FindTable("by_" + by->second)) return table;
  }
  for (const std::string_view name : summary.tables) {
    if (const analytics::Table* table = insight.FindTable(std::string(name))) return table;
  }
  return insight.tables.empty() ? nullptr : &insight.tables.front();
}

//! "West · Q3 2017 · as of 2017-12-31": the filters the answer applied, for its first line.
std::string FilterLine(const analytics::Insight& insight) {
  std::string line;
  for (const auto& [name, value] : insight.filters) {
    if (name == "top" || name == "as_of") continue;
    std::string label = name;
    std::replace(label.begin(), label.end(), '_', ' ');
    line += (line.empty() ? "" : " · ") + label + ": " + EscapeMarkdown(value);
  }
  line += (line.empty() ? "" : " · ") + std::string("as of ") + FormatIsoDate(insight.as_of);
  return "_" + line + "_";
}

//! Rows to show: the question's top N, else 10.
size_t RowCount(const Entities& entities) {
  const auto top = entities.find("top_n");
  size_t rows = 0;
  if (top != entities.end())
    std::from_chars(top->second.data(), top->second.data() + top->second.size(), rows);
  return rows > 0 ? rows : 10;
}

}  // namespace

bool IsInsightIntent(const std::string& intent) { return SummaryOf(intent) != nullptr; }

analytics::FilterRequest FiltersOf(const Entities& entities) {
  analytics::FilterRequest request;
  for (const auto& [field, target] : request.Fields()) {
    const auto found = entities.find(field == "top" ? std::string("top_n") : std::string(field));
    if (found != entities.end()) *target = found->second;
  }
  return request;
}

nlohmann::json InsightSources(const analytics::Insight& insight, const std::string& table_name,
                              size_t max_rows) {
  nlohmann::json filters = nlohmann::json::object();
  for (const auto& [name, value] : insight.filters) filters[name] = value;
  nlohmann::json definitions = nlohmann::json::object();
  for (const auto& [figure, how] : insight.definitions) definitions[figure] = how;
  nlohmann::json sources = nlohmann::json::array();
  sources.push_back({{"kind", "insight"},
                     {"id", insight.type},
                     {"as_of", FormatIsoDate(insight.as_of)},
                     {"filters", std::move(filters)},
                     {"definitions", std::move(definitions)},
                     {"notes", insight.notes}});
  const analytics::Table* table = insight.FindTable(table_name);
  if (table == nullptr) return sources;
  const auto column = [&](const char* name) -> int {
    const auto at = std::find(table->columns.begin(), table->columns.end(), name);
    return at == table->columns.end() ? -1 : static_cast<int>(at - table->columns.begin());
  };
  const int deal_column = column("opportunity_id");
  const int account_column = column("account");
  std::vector<std::string> accounts_named;
  for (size_t r = 0; r < std::min(max_rows, table->rows.size()); ++r) {
    const auto& row = table->rows[r];
    if (deal_column >= 0) {
      if (const auto* id = std::get_if<std::string>(&row[deal_column]))
        sources.push_back({{"kind", "opportunity"}, {"id", *id}});
    } else if (account_column >= 0) {
      const auto* name = std::get_if<std::string>(&row[account_column]);
      if (name != nullptr &&
          std::find(accounts_named.begin(), accounts_named.end(), *name) == accounts_named.end()) {
        accounts_named.push_back(*name);
        sources.push_back({{"kind", "account"}, {"id", *name}});
      }
    }
  }
  return sources;
}

Answer AnswerInsight(const AnswerContext& context, const std::string& intent, const Entities& entities) {
  Answer answer;
  answer.intent = intent;
  answer.entities = entities;
  const InsightSummary* summary = SummaryOf(intent);
  Entities filters = entities;
  std::string future_note;
  if (const auto period = entities.find("period"); period != entities.end()) {
    const auto parsed = analytics::ParsePeriod(period->second);
    if (parsed.ok() && parsed->first_day > context.engine.latest_day()) {
      // "next quarter" lies after the data: figures are as of its last date (the forecast projects ahead).
      future_note = "_" + period->second + " lies after the last date in the data (" +
                    FormatIsoDate(context.engine.latest_day()) +
                    "): these figures stand as of that date._\n\n";
      filters.erase("period");
    }
  }
  auto insight = context.engine.Run(intent, FiltersOf(filters));
  if (!insight.ok()) {
    answer.markdown = "I could not compute that: " + EscapeMarkdown(insight.error().message) + ".";
    answer.data = {{"error", insight.error().message}};
    return answer;
  }
  std::string text = FilterLine(*insight) + "\n\n" + future_note;
  std::string paragraph;
  for (const Sentence& sentence : summary->sentences) {
    if (const auto filled = Fill(sentence, *insight)) paragraph += (paragraph.empty() ? "" : " ") + *filled;
  }
  text += paragraph + "\n\n";
  if (!StreamMarkdown(context, text)) return answer;
  const llm::WrittenText narrative = agents::NarrateInsight(*insight, context.writer).text;
  text += narrative.text + "\n";
  answer.writer = narrative.writer;
  const size_t rows = RowCount(entities);
  const analytics::Table* table = MainTable(*insight, *summary, entities);
  if (table != nullptr) {
    const std::string rendered = MarkdownTable(*table, summary->columns, rows);
    if (!rendered.empty()) text += "\n" + rendered;
  }
  if (!insight->notes.empty()) {
    text += "\n**Notes**\n";
    for (const std::string& note : insight->notes) text += "- " + EscapeMarkdown(note) + "\n";
  }
  answer.markdown = std::move(text);
  answer.sources = InsightSources(*insight, table == nullptr ? "" : table->name, rows);
  answer.data = analytics::InsightJson(*insight);
  answer.suggestions = summary->suggestions;
  return answer;
}

}  // namespace crm::chat
