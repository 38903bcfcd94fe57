#include "crm/agents/email_text.h"

#include <array>

#include "crm/agents/email_kinds.h"
#include "crm/agents/facts_text.h"
#include "crm/agents/phrasing.h"

namespace crm::agents {

namespace {

using nlohmann::json;

//! Four phrasings, one per tone in contract order.
using ByTone = std::array<std::string_view, 4>;

size_t ToneIndex(const json& facts) { return static_cast<size_t>(*ToneFromName(Text(facts, "tone"))); }

std::string_view ForTone(const json& facts, const ByTone& options) { return options[ToneIndex(facts)]; }

//! The slots every phrasing may use.
Slots EmailSlots(const json& facts) {
  const json& account = facts["account"];
  const json& product = facts["product"];
  const json& deal = facts["deal"];
  const json& next = facts["next_step"];
  const json& history = facts["history"];
  const bool has_product = product.is_object();
  return {{"account", Text(account, "name")},
          {"sector", Has(account, "sector") ? Text(account, "sector") : "business"},
          {"a_sector", WithArticle(Has(account, "sector") ? Text(account, "sector") : "business")},
          {"location", Text(account, "office_location")},
          {"product", has_product ? Text(product, "name") : "our product range"},
          {"series", has_product && Has(product, "series") ? Text(product, "series") + " series" : "product"},
          {"price",
           has_product && Has(product, "list_price") ? Usd(product, "list_price") : "our current list price"},
          {"deal", deal.is_object() ? Text(deal, "opportunity_id") : ""},
          {"stage", deal.is_object() ? Text(deal, "stage") : ""},
          {"date", LongDate(Text(next, "date"))},
          {"weekday", Text(next, "weekday")},
          {"won", Whole(history, "won_deals")},
          {"last_win", LongDate(Text(history, "last_win_date"))},
          {"sender", Text(facts["sender"], "name")},
          {"office", Text(facts["sender"], "regional_office")}};
}

std::string Subject(const json& facts, const Slots& slots) {
  static constexpr std::array<ByTone, 6> kSubjects = {{
      {"Following up on {product} for {account}", "Picking up where we left off on {product}",
       "Action needed by {date}: {product} for {account}", "Some thoughts after our {product} conversation"},
      {"Introducing our {series} to {account}", "Hello from the {office} team, and an idea for {account}",
       "{account}: a quick introduction before {date}", "How {sector} teams put {product} to work"},
      {"Proposal: {product} for {account}", "A proposal for you: {product}",
       "Proposal for {account}: please reply by {date}", "A proposal shaped around {account}: {product}"},
      {"Checking in with {account}", "How are things at {account}?", "Quick check-in before {date}",
       "Checking in: what is next for {account}?"},
      {"Finalising {product} for {account}", "Let's get {product} over the line",
       "Final step by {date}: {product} for {account}", "Before you decide on {product}"},
      {"Reconnecting with {account}", "It has been a while, {account} team",
       "{account}: can we talk before {date}?", "What has changed at {account}?"},
  }};
  const auto type = static_cast<size_t>(*EmailTypeFromName(Text(facts, "email_type")));
  return Fill(ForTone(facts, kSubjects[type]), slots);
}

std::string Greeting(const json& facts, const Phrasing& say) {
  const json& recipient = facts["recipient"];
  const std::string name = Has(recipient, "to") ? Text(recipient, "to") : Text(recipient, "team");
  static constexpr ByTone kGreetings = {"Dear {name},", "Hi {name},", "Hello {name},", "Dear {name},"};
  std::string_view pattern = ForTone(facts, kGreetings);
  if (Text(facts, "tone") == "professional")
    pattern = say.Pick("greeting", {"Dear {name},", "Hello {name},"});
  return Fill(pattern, {{"name", name}});
}

std::string Opening(const json& facts, const Slots& slots, const Phrasing& say) {
  const std::string type = Text(facts, "email_type");
  if (type == "follow_up") {
    return Fill(
        ForTone(facts, {"I am following up on our recent conversation about {product}.",
                        "Thanks again for the chat about {product}; I wanted to pick the thread back up.",
                        "I am following up on {product} because the timing now matters.",
                        "Since we last spoke about {product}, I have been thinking about what would help "
                        "your team most."}),
        slots);
  }
  if (type == "introduction") {
    return Fill(
        ForTone(facts, {"I am {sender} from the {office} sales team, and I would like to introduce "
                        "myself as your point of contact.",
                        "I'm {sender} from our {office} team, and I'd love to say hello properly.",
                        "I am {sender} from the {office} sales team, and I am reaching out now because "
                        "there is a window I do not want you to miss.",
                        "I am {sender} from the {office} sales team. Before suggesting anything, I "
                        "would like to understand what {account} is working on."}),
        slots);
  }
  if (type == "proposal") {
    return Fill(
        ForTone(facts, {"As promised, here is our proposal for {product}.",
                        "Here is the proposal we talked about: {product}, put together for you.",
                        "Here is our proposal for {product}; I need your answer by {date} to keep it on "
                        "track.",
                        "I have put together a proposal for {product} around what I understand of your "
                        "priorities."}),
        slots);
  }
  if (type == "check_in") {
    return say.Say("opening.check_in",
                   {"I wanted to check in and see how things are going at {account}.",
                    "It seemed a good moment to check in with you and the {account} team."},
                   slots) +
           std::string(ForTone(facts, {"", " No agenda, just keeping in touch.",
                                       " I do have one time-sensitive "
                                       "point below.",
                                       " I am keen to hear what is on your roadmap."}));
  }
  if (type == "closing") {
    return Fill(
        ForTone(facts, {"We are close to the finish line on {product}, and I would like to help you "
                        "complete the order.",
                        "We're nearly there with {product}, and I'd love to help you wrap it up.",
                        "We are at the final step on {product}, and I need your confirmation by {date}.",
                        "As you weigh the final decision on {product}, I want to make sure you have "
                        "everything you need."}),
        slots);
  }
  return Fill(
      ForTone(facts, {"It has been some time since we last worked together, and I would welcome the "
                      "chance to reconnect.",
                      "It's been a while, and I wanted to say hello and catch up.",
                      "It has been some time since we last spoke, and I would like to reconnect before "
                      "{date}.",
                      "It has been some time since we last worked together, and I would like to hear "
                      "how your needs have changed."}),
      slots);
}

std::string Context(const json& facts, const Slots& slots, const Phrasing& say) {
  const json& account = facts["account"];
  const json& history = facts["history"];
  std::string where = Has(account, "sector") ? "{a_sector} company" : "a company";
  if (Has(account, "office_location")) where += " based in {location}";
  std::string text = Fill(say.Pick("context.where", {"Knowing {account} as " + where + ", ",
                                                     "For " + where + " like {account}, "}),
                          slots);
  if (Number(history, "won_deals") > 0 && Has(history, "last_win_date")) {
    text += say.Say("context.history",
                    {"we value the {won} deals you have closed with us, most recently on {last_win}.",
                     "our work together has covered {won} closed deals so far, the latest on {last_win}.",
                     "we are grateful for {won} successful deals together, the most recent on {last_win}."},
                    slots);
  } else {
    text += "I would like to earn your business with the right fit rather than a hard sell.";
  }
  return text;
}

std::string ProductLine(const json& facts, const Slots& slots, const Phrasing& say) {
  const json& product = facts["product"];
  if (!product.is_object()) return "";
  if (Text(facts, "email_type") == "proposal") {
    return Fill("The proposal covers {product} from our {series}, at a list price of {price} per unit.",
                slots);
  }
  return say.Say("product",
                 {"{product} ({series}, list price {price}) is the product I have in mind for you.",
                  "I have {product} in mind for you: part of our {series}, listed at {price}.",
                  "The product I would suggest is {product}, from our {series} at a list price of "
                  "{price}."},
                 slots);
}

std::string DealLine(const json& facts, const Slots& slots) {
  const json& deal = facts["deal"];
  if (!deal.is_object()) return "";
  std::string text = Fill("On our side, opportunity {deal} is at the {stage} stage", slots);
  if (Has(deal, "days_open") && Has(deal, "engage_date")) {
    text += ", " + Plural(static_cast<int64_t>(Number(deal, "days_open")), "day", "days") +
            " after we first engaged on " + LongDate(Text(deal, "engage_date"));
  }
  return text + ".";
}

std::string NextStep(const json& facts, const Slots& slots) {
  const std::string type = Text(facts, "email_type");
  const bool urgent = Text(facts, "tone") == "urgent";
  std::string step;
  if (type == "follow_up") step = "Could we find half an hour by {weekday}, {date} to agree the next steps?";
  if (type == "introduction") step = "Would you be open to a short introductory call by {weekday}, {date}?";
  if (type == "proposal")
    step = "If the proposal works for you, I can send the order paperwork by {weekday}, {date}.";
  if (type == "check_in") step = "Is there a good time before {weekday}, {date} to catch up on your plans?";
  if (type == "closing")
    step = "If you can confirm by {weekday}, {date}, we can complete the order straight away.";
  if (type == "re_engagement")
    step = "Would a short call before {weekday}, {date} help us see what has changed on your side?";
  if (urgent) step += " Please treat {date} as the deadline; after that I cannot promise the same timing.";
  return Fill(step, slots);
}

std::string Closing(const json& facts) {
  static constexpr ByTone kClosings = {"I look forward to hearing from you.",
                                       "Looking forward to catching up!",
                                       "A quick reply would really help me plan the next steps on our side.",
                                       "Whatever you decide, I am happy to think it through with you."};
  return std::string(ForTone(facts, kClosings));
}

std::string Signature(const json& facts, const Phrasing& say) {
  static constexpr ByTone kSignOffs = {"Kind regards,", "Best wishes,", "Thank you,", "Warm regards,"};
  std::string_view sign_off = ForTone(facts, kSignOffs);
  if (Text(facts, "tone") == "friendly")
    sign_off = say.Pick("sign_off", {"Best wishes,", "Cheers,", "All the best,"});
  const json& sender = facts["sender"];
  std::string text = std::string(sign_off) + "\n" + Text(sender, "name") + "\nSales agent";
  if (Has(sender, "regional_office")) text += ", " + Text(sender, "regional_office") + " office";
  if (Has(sender, "manager")) text += "\nTeam of " + Text(sender, "manager");
  return text;
}

}  // namespace

EmailText WriteEmail(const nlohmann::json& facts) {
  const json& deal = facts["deal"];
  const Phrasing say(Text(facts["account"], "name") + "|" +
                     (deal.is_object() ? Text(deal, "opportunity_id") : ""));
  const Slots slots = EmailSlots(facts);
  std::string body =
      Greeting(facts, say) + "\n\n" + Opening(facts, slots, say) + "\n\n" + Context(facts, slots, say);
  const std::string product = ProductLine(facts, slots, say);
  if (!product.empty()) body += " " + product;
  const std::string deal_line = DealLine(facts, slots);
  if (!deal_line.empty()) body += " " + deal_line;
  body += "\n\n" + NextStep(facts, slots) + " " + Closing(facts) + "\n\n" + Signature(facts, say) + "\n";
  return {Subject(facts, slots), body};
}

std::string JoinEmail(const EmailText& email) { return "Subject: " + email.subject + "\n\n" + email.body; }

EmailText SplitEmail(std::string_view text) {
  constexpr std::string_view kPrefix = "Subject: ";
  if (text.substr(0, kPrefix.size()) != kPrefix) return {"", std::string(text)};
  const size_t end = text.find('\n');
  EmailText email{std::string(text.substr(kPrefix.size(), end - kPrefix.size())), ""};
  if (end == std::string_view::npos) return email;
  size_t body = end + 1;
  while (body < text.size() && text[body] == '\n') ++body;
  email.body = std::string(text.substr(body));
  return email;
}

}  // namespace crm::agents
