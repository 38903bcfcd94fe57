#include <cctype>
#include <set>

#include <gtest/gtest.h>

#include "agents_fixture.h"
#include "crm/agents/email_draft.h"
#include "crm/agents/facts_text.h"
#include "number_check.h"
#include "support/test_support.h"
#include "unit/analytics/account_fixture.h"

namespace crm::agents::test {

namespace {

using nlohmann::json;

const llm::OfflineWriter kWriter;

EmailDraft Draft(const AgentWorld& world, EmailRequest request) {
  auto draft = DraftEmail(*world.context, request, kWriter);
  EXPECT_TRUE(draft.ok()) << (draft.ok() ? "" : draft.error().message);
  return draft.ok() ? *draft : EmailDraft{};
}

EmailRequest ForDeal(const Dataset& data, const std::string& id, EmailType type, Tone tone) {
  EmailRequest request;
  request.deal = data.FindOpportunity(id);
  request.type = type;
  request.tone = tone;
  return request;
}

bool ContainsWord(const std::string& text, const std::string& word) {
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
    const size_t end = at + word.size();
    const bool ends = end == text.size() || !std::isalnum(static_cast<unsigned char>(text[end]));
    if (starts && ends) return true;
  }
  return false;
}

//! Checks one draft is personal and honest: names from the data, no placeholder, numbers from the facts.
void ExpectPersonal(const Dataset& data, const EmailDraft& draft) {
  const std::string text = draft.email.subject + "\n" + draft.email.body;
  const json& facts = draft.facts;
  for (const std::string& needed :
       {Text(facts["account"], "name"), Text(facts["account"], "sector"), Text(facts["sender"], "name"),
        Text(facts["sender"], "manager"), Text(facts["sender"], "regional_office")}) {
    EXPECT_NE(draft.email.body.find(needed), std::string::npos) << needed << "\n" << text;
  }
  EXPECT_EQ(text.find('['), std::string::npos) << text;
  EXPECT_EQ(text.find('{'), std::string::npos) << text;
  // The only people named are the sender and their manager.
  for (const SalesAgent& agent : data.sales_agents) {
    if (agent.name != Text(facts["sender"], "name")) {
      EXPECT_FALSE(ContainsWord(text, agent.name)) << agent.name;
    }
  }
  EXPECT_EQ(UnbackedNumbers(text, facts), std::vector<std::string>()) << text;
}

}  // namespace

TEST(AgentsEmail, AllCombinationsDifferAndArePersonal) {
  const AgentWorld world = MakeWorld(analytics::test::SmallCrm());
  std::set<std::string> subjects, texts;
  for (EmailType type : AllEmailTypes()) {
    for (Tone tone : AllTones()) {
      const EmailDraft draft = Draft(world, ForDeal(*world.data, "E1", type, tone));
      ExpectPersonal(*world.data, draft);
      EXPECT_NE(draft.email.body.find(" Acme team,\n"), std::string::npos) << draft.email.body;
      subjects.insert(draft.email.subject);
      texts.insert(draft.email.subject + draft.email.body);
      // The deal's stage and age, and the product with its list price.
      EXPECT_NE(draft.email.body.find("Engaging"), std::string::npos);
      EXPECT_NE(draft.email.body.find("60 days"), std::string::npos) << draft.email.body;  // May 1 to June 30
      EXPECT_NE(draft.email.body.find("$1,000"), std::string::npos);
    }
  }
  EXPECT_EQ(subjects.size(), 24u);
  EXPECT_EQ(texts.size(), 24u);
}

TEST(AgentsEmail, TypeAndToneShowInTheText) {
  const AgentWorld world = MakeWorld(analytics::test::SmallCrm());
  const EmailDraft urgent = Draft(world, ForDeal(*world.data, "E1", EmailType::kCheckIn, Tone::kUrgent));
  const std::string date = LongDate(Text(urgent.facts["next_step"], "date"));
  EXPECT_NE(urgent.email.body.find("deadline"), std::string::npos);
  EXPECT_NE(urgent.email.body.find(date), std::string::npos);
  const EmailDraft proposal =
      Draft(world, ForDeal(*world.data, "E1", EmailType::kProposal, Tone::kProfessional));
  EXPECT_NE(proposal.email.body.find("list price of $1,000"), std::string::npos) << proposal.email.body;
  const EmailDraft friendly = Draft(world, ForDeal(*world.data, "E1", EmailType::kFollowUp, Tone::kFriendly));
  EXPECT_EQ(friendly.email.body.rfind("Hi Acme team,", 0), 0u) << friendly.email.body;
  const EmailDraft professional =
      Draft(world, ForDeal(*world.data, "E1", EmailType::kFollowUp, Tone::kProfessional));
  EXPECT_EQ(professional.email.body.find("deadline"), std::string::npos);
  EXPECT_NE(professional.email.subject, friendly.email.subject);
}

TEST(AgentsEmail, HistoryAndContactAreUsed) {
  const AgentWorld world = MakeWorld(analytics::test::SmallCrm());
  EmailRequest request;
  request.account = world.data->FindAccount("Bolt");
  request.type = EmailType::kReEngagement;
  request.tone = Tone::kConsultative;
  request.to = "Dana Ortiz";
  const EmailDraft draft = Draft(world, request);
  EXPECT_EQ(draft.email.body.rfind("Dear Dana Ortiz,", 0), 0u) << draft.email.body;
  // Bolt won W2 (Ann) and W5 (Cal), the last on 2017-05-11; its open deal E2 is Cal's, its main agent.
  EXPECT_NE(draft.email.body.find("May 11, 2017"), std::string::npos) << draft.email.body;
  EXPECT_NE(draft.email.body.find("Japan"), std::string::npos);
  EXPECT_EQ(Text(draft.facts["sender"], "name"), "Cal");
  ExpectPersonal(*world.data, draft);
}

TEST(AgentsEmail, Deterministic) {
  const AgentWorld world = MakeWorld(analytics::test::SmallCrm());
  const EmailRequest request = ForDeal(*world.data, "E2", EmailType::kClosing, Tone::kFriendly);
  EXPECT_EQ(Draft(world, request).text.text, Draft(world, request).text.text);
}

TEST(AgentsEmail, UnknownProductIsAnError) {
  const AgentWorld world = MakeWorld(analytics::test::SmallCrm());
  EmailRequest request = ForDeal(*world.data, "E1", EmailType::kProposal, Tone::kProfessional);
  request.product = "Gamma";
  auto draft = DraftEmail(*world.context, request, kWriter);
  ASSERT_FALSE(draft.ok());
  EXPECT_NE(draft.error().message.find("Alpha"), std::string::npos);
  request.product = "beta";
  EXPECT_EQ(Text(Draft(world, request).facts["product"], "name"), "Beta");
}

TEST(AgentsEmail, NamesOfTypesAndTones) {
  EXPECT_EQ(AllEmailTypes().size(), 6u);
  EXPECT_EQ(AllTones().size(), 4u);
  EXPECT_EQ(EmailTypeFromName("RE_ENGAGEMENT"), EmailType::kReEngagement);
  EXPECT_EQ(ToneFromName("consultative"), Tone::kConsultative);
  EXPECT_FALSE(EmailTypeFromName("spam"));
  EXPECT_FALSE(ToneFromName("angry"));
}

TEST(AgentsEmail, KaggleCombinationsAreHonestAndVaried) {
  CRM_REQUIRE_SHARED_DATA();
  const AgentWorld& world = KaggleWorld();
  ASSERT_TRUE(world.context);
  std::set<std::string> texts;
  std::set<std::string> contexts;
  const OpportunityColumns& deals = world.data->opportunities;
  int checked_deals = 0;
  for (size_t row = 0; row < deals.size() && checked_deals < 12; ++row) {
    if (deals.deal_stage[row] != DealStage::kEngaging || deals.account[row] == kNoIndex) continue;
    ++checked_deals;
    for (EmailType type : AllEmailTypes()) {
      for (Tone tone : AllTones()) {
        const EmailDraft draft = Draft(world, ForDeal(*world.data, std::string(deals.id[row]), type, tone));
        ExpectPersonal(*world.data, draft);
        if (checked_deals == 1) texts.insert(draft.text.text);
        if (type == EmailType::kCheckIn && tone == Tone::kFriendly) {
          const std::string& body = draft.email.body;
          contexts.insert(body.substr(body.find("\n\n") + 2, 20));
        }
      }
    }
  }
  EXPECT_EQ(texts.size(), 24u);
  EXPECT_GE(contexts.size(), 2u);  // different accounts, different phrasing choices
}

}  // namespace crm::agents::test
