// Reorganisations: sentences traced across the whole draft (engine/reorganise), on small laws
// read as a user's file would be.
#define BOOST_TEST_MODULE reorganise
#include <boost/test/unit_test.hpp>

#include "engine/pipeline.hpp"
#include "formats/reader.hpp"

#include <string>
#include <vector>

using namespace redline;

namespace {

Comparison compare_texts(const std::string& old_text, const std::string& new_text) {
    formats::ReadOptions o;
    o.path = "old.txt";
    formats::ReadOptions n;
    n.path = "new.txt";
    return compare(prepare(formats::read_document(old_text, o)), prepare(formats::read_document(new_text, n)));
}

std::string names(const Document& d, const std::vector<ClauseId>& ids) {
    std::string out;
    for (ClauseId id : ids) out += (out.empty() ? "" : "+") + std::string(d.label(id));
    return out;
}

// "change old→new [links]" for every entry with several clauses on a side.
std::vector<std::string> groups(const Comparison& c) {
    std::vector<std::string> out;
    for (const ClauseEntry& e : c.entries) {
        if (e.old_ids.size() < 2 && e.new_ids.size() < 2) continue;
        std::string s = std::string(to_string(e.change)) + " " + names(*c.old_doc, e.old_ids) + "→" + names(*c.new_doc, e.new_ids);
        for (auto [o, n] : e.links) s += " " + std::to_string(o) + ":" + std::to_string(n);
        out.push_back(s);
    }
    return out;
}

// The entry showing new clause `label`, as "change old→new".
std::string entry_of_new(const Comparison& c, const std::string& label) {
    for (const ClauseEntry& e : c.entries)
        for (ClauseId id : e.new_ids)
            if (c.new_doc->label(id) == label)
                return std::string(to_string(e.change)) + " " + names(*c.old_doc, e.old_ids) + "→" + names(*c.new_doc, e.new_ids);
    return "";
}

const char* law_head = "中华人民共和国示例法\n\n第一章 总则\n\n";

}  // namespace

// Two old articles redistributed over three new ones: one entry says which part went where.
BOOST_AUTO_TEST_CASE(two_articles_redistributed_over_three_are_one_reorganisation) {
    const std::string old_law = std::string(law_head) +
        "第一条 为了规范示例组织的设立和活动，保护成员的合法权益，制定本法。\n\n"
        "第二条 示例组织是依法登记的非营利法人，以其全部财产独立承担民事责任。\n\n"
        "示例组织的成员以其缴纳的会费为限对组织的债务承担责任，不得要求退还已缴会费。\n\n"
        "第三条 示例组织开展活动，应当遵守法律法规，接受登记管理机关的监督检查。\n\n"
        "示例组织的合法财产和名称专用权受法律保护，任何单位和个人不得侵占。\n\n"
        "第四条 示例组织应当每年向登记管理机关报送年度工作报告和财务会计报告。\n";
    const std::string new_law = std::string(law_head) +
        "第一条 为了规范示例组织的设立和活动，保护成员的合法权益，制定本法。\n\n"
        "第二条 示例组织是依法登记的非营利法人，以其全部财产独立承担民事责任。\n\n"
        "示例组织的合法财产和名称专用权受法律保护，任何单位和个人不得侵占。\n\n"
        "第三条 示例组织的成员以其缴纳的会费为限对组织的债务承担责任，不得要求退还已缴会费。\n\n"
        "第四条 示例组织开展活动，应当遵守法律法规，接受登记管理机关的监督检查。\n\n"
        "第五条 示例组织应当每年向登记管理机关报送年度工作报告和财务会计报告。\n";
    const Comparison c = compare_texts(old_law, new_law);
    // Old 第二条 → new 第二条 + 第三条; old 第三条 → new 第二条 + 第四条.
    BOOST_TEST(groups(c) == std::vector<std::string>{"reorganised 第二条+第三条→第二条+第三条+第四条 0:0 0:1 1:0 1:2"},
               boost::test_tools::per_element());
    BOOST_TEST(entry_of_new(c, "第五条") == "renumbered 第四条→第五条");
    BOOST_TEST(entry_of_new(c, "第一条") == "unchanged 第一条→第一条");
}

// A paragraph that moved verbatim into an article far away is a split of its old article,
// not an addition.
BOOST_AUTO_TEST_CASE(a_paragraph_moved_far_away_is_traced) {
    const std::string old_law = std::string(law_head) +
        "第一条 示例组织应当建立健全内部管理制度，明确理事会、监事会的职责和议事规则。\n\n"
        "理事会成员的任期每届不超过五年，连选可以连任，但连续任职不得超过两届。\n\n"
        "第二条 示例组织的财产来源应当合法，收入应当全部用于章程规定的宗旨和业务范围。\n\n"
        "第三条 示例组织变更登记事项的，应当自变更决定作出之日起三十日内申请变更登记。\n\n"
        "第四条 示例组织解散的，应当依法成立清算组，清算期间不得开展清算以外的活动。\n";
    const std::string new_law = std::string(law_head) +
        "第一条 示例组织应当建立健全内部管理制度，明确理事会、监事会的职责和议事规则。\n\n"
        "第二条 示例组织的财产来源应当合法，收入应当全部用于章程规定的宗旨和业务范围。\n\n"
        "第三条 示例组织变更登记事项的，应当自变更决定作出之日起三十日内申请变更登记。\n\n"
        "第四条 示例组织解散的，应当依法成立清算组，清算期间不得开展清算以外的活动。\n\n"
        "第五条 理事会成员的任期每届不超过五年，连选可以连任，但连续任职不得超过两届。\n";
    const Comparison c = compare_texts(old_law, new_law);
    BOOST_TEST(groups(c) == std::vector<std::string>{"split 第一条→第一条+第五条 0:0 0:1"}, boost::test_tools::per_element());
}

// Text found both where it was and elsewhere was copied, not moved: the old article keeps
// its partner and the copy is added.
BOOST_AUTO_TEST_CASE(a_sentence_copied_for_another_subject_is_not_a_move) {
    const std::string old_law = std::string(law_head) +
        "第一条 理事会会议由理事长召集和主持；理事长不能履行职务的，由副理事长主持。\n\n"
        "第二条 示例组织的财产来源应当合法，收入应当全部用于章程规定的宗旨和业务范围。\n";
    const std::string new_law = std::string(law_head) +
        "第一条 理事会会议由理事长召集和主持；理事长不能履行职务的，由副理事长主持。\n\n"
        "第二条 示例组织的财产来源应当合法，收入应当全部用于章程规定的宗旨和业务范围。\n\n"
        "第三条 监事会会议由监事长召集和主持；监事长不能履行职务的，由副理事长主持。\n";
    const Comparison c = compare_texts(old_law, new_law);
    BOOST_TEST(groups(c).empty());
    BOOST_TEST(entry_of_new(c, "第三条") == "added →第三条");
}

// A paragraph moved to the article before its old article's successor, while a far article
// keeps the same sentence (laws repeat a rule for each form of company): of the two equal
// counterparts the one next to where the rest of the article went is the one it became.
BOOST_AUTO_TEST_CASE(a_repeated_paragraph_is_traced_to_the_copy_next_to_its_article) {
    const std::string old_law = std::string(law_head) +
        "第一条 甲组织的理事会会议应当有过半数的理事出席方可举行，理事会作出决议应当经全体理事的过半数通过。\n\n"
        "第二条 甲组织的理事会会议，应当由理事本人出席；理事因故不能出席，可以书面委托其他理事代为出席。\n\n"
        "理事会应当对所议事项的决定作成会议记录，出席会议的理事应当在会议记录上签名。\n\n"
        "第三条 甲组织的财产来源应当合法，收入应当全部用于章程规定的宗旨和业务范围。\n\n"
        "第四条 甲组织变更登记事项的，应当自变更决定作出之日起三十日内申请变更登记。\n\n"
        "第五条 乙组织的理事会议事方式和表决程序，除本法有规定的外，由章程规定。\n\n"
        "理事会应当对所议事项的决定作成会议记录，出席会议的理事应当在会议记录上签名。\n";
    const std::string new_law = std::string(law_head) +
        "第一条 甲组织的理事会会议应当有过半数的理事出席方可举行，理事会作出决议应当经全体理事的过半数通过。\n\n"
        "理事会应当对所议事项的决定作成会议记录，出席会议的理事应当在会议记录上签名。\n\n"
        "第二条 甲组织的理事会会议，应当由理事本人出席；理事因故不能出席，可以书面委托其他理事代为出席。\n\n"
        "第三条 甲组织的财产来源应当合法，收入应当全部用于章程规定的宗旨和业务范围。\n\n"
        "第四条 甲组织变更登记事项的，应当自变更决定作出之日起三十日内申请变更登记。\n\n"
        "第五条 乙组织的理事会议事方式和表决程序，除本法有规定的外，由乙组织章程规定。\n\n"
        "理事会应当对所议事项的决定作成会议记录，出席会议的理事应当在会议记录上签名。\n";
    const Comparison c = compare_texts(old_law, new_law);
    BOOST_TEST(groups(c) == std::vector<std::string>{"reorganised 第一条+第二条→第一条+第二条 0:0 1:0 1:1"}, boost::test_tools::per_element());
    BOOST_TEST(entry_of_new(c, "第五条") == "modified 第五条→第五条");
}

// An item that left a list and an item of a new, unrelated list share words ("聘任、解聘") but
// are different rules: the item is removed and the other added, nothing moved.
BOOST_AUTO_TEST_CASE(an_item_like_one_of_an_unrelated_list_is_not_moved_there) {
    const std::string old_law = std::string(law_head) +
        "第一条 示例组织可以设秘书长，由理事会决定聘任或者解聘。秘书长对理事会负责，行使下列职权：\n\n"
        "（一）主持示例组织的日常工作，组织实施理事会决议；\n\n"
        "（二）提请聘任或者解聘示例组织副秘书长、财务负责人；\n\n"
        "（三）理事会授予的其他职权。\n\n"
        "第二条 示例组织的财产来源应当合法，收入应当全部用于章程规定的宗旨和业务范围。\n";
    const std::string new_law = std::string(law_head) +
        "第一条 示例组织可以设秘书长，由理事会决定聘任或者解聘。秘书长对理事会负责，行使下列职权：\n\n"
        "（一）主持示例组织的日常工作，组织实施理事会决议；\n\n"
        "（二）理事会授予的其他职权。\n\n"
        "第二条 示例组织的财产来源应当合法，收入应当全部用于章程规定的宗旨和业务范围。\n\n"
        "第三条 示例组织设审计委员会的，理事会对下列事项作出决议前应当经审计委员会过半数通过：\n\n"
        "（一）聘用、解聘承办审计业务的会计师事务所；\n\n"
        "（二）聘任、解聘财务负责人；\n\n"
        "（三）披露财务会计报告。\n";
    const Comparison c = compare_texts(old_law, new_law);
    BOOST_TEST(groups(c).empty());
    for (const ClauseEntry& e : c.entries)
        for (ClauseId id : e.new_ids)
            if (const ClauseId p = (*c.new_doc)[id].parent; p != no_clause && c.new_doc->label(p) == "第三条")
                BOOST_TEST(std::string(to_string(e.change)) == "added", "item " << c.new_doc->label(id));
}

namespace {

// Articles that all speak of 示例组织 and what it 应当 do: those words say nothing about which
// article is which.
const char* article_a = "示例组织应当建立健全内部管理制度，明确理事会、监事会的职责和议事规则。";
const char* article_b = "示例组织的财产来源应当合法，收入应当全部用于章程规定的宗旨和业务范围。";
const char* article_c = "示例组织变更登记事项的，应当自变更决定作出之日起三十日内申请变更登记。";
const char* article_d = "示例组织解散的，应当依法成立清算组，清算期间不得开展清算以外的活动。";
const char* removed_rule = "示例组织的理事应当遵守法律法规和章程。";
const char* added_rule = "示例组织的监事应当列席理事会会议。";

std::string article(const char* label, const char* text) { return std::string(label) + " " + text + "\n\n"; }

}  // namespace

// A removed short article and an added one of the same shape share only the drafts' common
// words (示例组织…的…应当: plain Dice 0.44, weighted by rarity far less): without a number or
// title in common, that is not the same article.
BOOST_AUTO_TEST_CASE(common_words_alone_do_not_pair_two_short_articles) {
    const std::string old_law = std::string(law_head) + article("第一条", article_a) + article("第二条", article_b) +
                                article("第三条", removed_rule) + article("第四条", article_c);
    const std::string new_law = std::string(law_head) + article("第一条", article_a) + article("第二条", article_b) +
                                article("第三条", article_c) + article("第四条", added_rule);
    const Comparison c = compare_texts(old_law, new_law);
    BOOST_TEST(entry_of_new(c, "第四条") == "added →第四条");
    BOOST_TEST(entry_of_new(c, "第三条") == "renumbered 第四条→第三条");
}

// Where an article was inserted before them, equal numbers name different articles: the
// articles around new 第四条 all changed their numbers, so old 第四条 is no evidence.
BOOST_AUTO_TEST_CASE(an_equal_number_is_no_evidence_where_the_articles_around_were_renumbered) {
    const std::string old_law = std::string(law_head) + article("第一条", article_a) + article("第二条", article_b) +
                                article("第三条", article_c) + article("第四条", removed_rule) + article("第五条", article_d);
    const std::string new_law = std::string(law_head) +
                                article("第一条", "为了规范示例组织的设立和活动，保护成员的合法权益，制定本法。") +
                                article("第二条", article_a) + article("第三条", article_b) + article("第四条", added_rule) +
                                article("第五条", article_c) + article("第六条", article_d);
    const Comparison c = compare_texts(old_law, new_law);
    BOOST_TEST(entry_of_new(c, "第四条") == "added →第四条");
    BOOST_TEST(entry_of_new(c, "第六条") == "renumbered 第五条→第六条");
}

// One sentence of five went from an article into a new short article of five sentences: a
// fifth of either, under the share that links two paired clauses, but the new article has no
// other source. It is linked as a split of the old article.
BOOST_AUTO_TEST_CASE(a_sentence_that_became_part_of_a_new_short_article_is_traced) {
    const std::string kept = "理事会由五名至九名理事组成。理事每届任期不超过五年。理事任期届满，连选可以连任。"
                             "理事会设理事长一人，由全体理事过半数选举产生。";
    const std::string old_law = std::string(law_head) + article("第一条", article_a) +
                                "第二条 示例组织的出资划分为份额，每一份额的金额相等。" + kept + "\n\n" + article("第三条", article_b);
    const std::string new_law = std::string(law_head) + article("第一条", article_a) + "第二条 " + kept + "\n\n" +
                                article("第三条", article_b) +
                                "第四条 示例组织的出资划分为份额，每一份额的金额相等。份额可以依法转让。"
                                "转让份额应当在登记机关办理变更登记。受让人自登记之日起享有成员权利。"
                                "章程对份额转让另有规定的，从其规定。\n";
    const Comparison c = compare_texts(old_law, new_law);
    BOOST_TEST(groups(c) == std::vector<std::string>{"split 第二条→第二条+第四条 0:0 0:1"}, boost::test_tools::per_element());
}

// An item of a list that became an article of its own, reworded with its list's lead-in
// ("设立示例组织，应当具备下列条件：…（三）发起人制订章程" → "设立示例组织，应当由发起人共同制订
// 章程"): a promotion, paired item to article; the other items stay removed.
BOOST_AUTO_TEST_CASE(an_item_that_became_an_article_with_its_lead_in_is_promoted) {
    const std::string old_law = std::string(law_head) + article("第一条", article_a) +
        "第二条 设立示例组织，应当具备下列条件：\n\n"
        "（一）发起人符合法定人数；\n\n"
        "（二）有固定的住所和必要的工作人员；\n\n"
        "（三）发起人制订组织章程，采用募集方式设立的经创立大会通过。\n\n" +
        article("第三条", article_b);
    const std::string new_law = std::string(law_head) + article("第一条", article_a) + article("第二条", article_b) +
        article("第三条", "设立示例组织，应当由发起人共同制订组织章程。");
    const Comparison c = compare_texts(old_law, new_law);
    BOOST_TEST(entry_of_new(c, "第三条") == "moved （三）→第三条");
}

// An article whose list of duties was removed and a new article about the same people: the
// lead-in alone ("示例组织的发起人应当承担下列责任：") is much like the new article, the article
// with its list is not. The list counts in the comparison, and nothing is paired.
BOOST_AUTO_TEST_CASE(an_article_with_a_list_is_compared_with_its_list) {
    const std::string old_law = std::string(law_head) + article("第一条", article_a) + article("第二条", article_b) +
        "第三条 示例组织的发起人应当承担下列责任：\n\n"
        "（一）组织不能成立时，对设立行为所产生的债务和费用负连带责任；\n\n"
        "（二）组织不能成立时，对认缴人已缴纳的款项，负返还并加算银行同期存款利息的连带责任。\n\n" +
        article("第四条", article_c);
    const std::string new_law = std::string(law_head) + article("第一条", article_a) + article("第二条", article_b) +
        article("第三条", article_c) + article("第四条", "示例组织的发起人应当对组织承担忠实义务。");
    const Comparison c = compare_texts(old_law, new_law);
    BOOST_TEST(entry_of_new(c, "第四条") == "added →第四条");
}

namespace {

// A law whose second chapter opens with `rewritten` in the old draft and with `rewritten_as`
// in the new one (numbered one on, after an article inserted in the first chapter): the
// rewritten article is the only one between two articles that kept their order, with a
// chapter heading in between.
Comparison chapter_opening_rewritten(const char* rewritten, const char* rewritten_as) {
    const std::string old_law = std::string(law_head) + article("第一条", article_a) + article("第二条", article_b) +
                                "第二章 份额\n\n" + article("第三条", rewritten) + article("第四条", article_c);
    const std::string new_law = std::string(law_head) +
                                article("第一条", "为了规范示例组织的设立和活动，保护成员的合法权益，制定本法。") +
                                article("第二条", article_a) + article("第三条", article_b) + "第二章 成员和份额\n\n" +
                                article("第四条", rewritten_as) + article("第五条", article_c);
    return compare_texts(old_law, new_law);
}

}  // namespace

// An article rewritten and extended in its place, where a chapter heading stands between it
// and the article before: its words alone (plain Dice 0.36) would not pair it, but it is the
// one clause of the gap between two anchored pairs, and it is wholly inside its successor.
BOOST_AUTO_TEST_CASE(a_rewritten_article_in_an_anchored_gap_across_a_heading_is_paired) {
    const Comparison c = chapter_opening_rewritten(
        "成员持有的份额可以依法转让。",
        "示例组织的成员持有的份额可以向其他成员转让，也可以向成员以外的人转让；章程对份额转让有限制的，其转让按照章程的规定进行。");
    BOOST_TEST(entry_of_new(c, "第四条") == "modified 第三条→第四条");
    BOOST_TEST(entry_of_new(c, "第五条") == "renumbered 第四条→第五条");
}

// The same place with an unrelated new article: the place alone pairs nothing.
BOOST_AUTO_TEST_CASE(an_anchored_gap_pairs_nothing_without_common_content) {
    const Comparison c = chapter_opening_rewritten("成员持有的份额可以依法转让。", added_rule);
    BOOST_TEST(entry_of_new(c, "第四条") == "added →第四条");
}

// A rule reworded into a new article, the new sentence wholly inside the old one, which also
// says more ("在提取发展基金之前"): the old sentence's rarest words are not in the new one, so
// probing from the old side alone never meets it. Candidates found from either side are
// judged both ways, and the new article is traced as a split of the old.
BOOST_AUTO_TEST_CASE(a_short_sentence_inside_a_longer_one_is_traced_from_either_side) {
    const std::string old_law = std::string(law_head) + article("第一条", article_a) +
        article("第二条", "示例组织的年度结余应当首先用于弥补以前年度亏损。违反前款规定，在提取发展基金之前向会员分配结余的，"
                          "会员必须将违反规定分配的结余退还示例组织。") +
        article("第三条", article_c);
    const std::string new_law = std::string(law_head) + article("第一条", article_a) +
        article("第二条", "示例组织的年度结余应当首先用于弥补以前年度亏损。") +
        article("第三条", "示例组织违反规定向会员分配结余的，会员必须将违反规定分配的结余退还示例组织；"
                          "给示例组织造成损失的，负有责任的理事应当承担赔偿责任。") +
        article("第四条", article_c);
    const Comparison c = compare_texts(old_law, new_law);
    BOOST_TEST(groups(c) == std::vector<std::string>{"split 第二条→第二条+第三条 0:0 0:1"}, boost::test_tools::per_element());
}

// An item that became an article competes with the articles like that article from the
// first similarity pass: "设立示例组织，应当具备下列条件：…（三）发起人共同制定组织章程" says
// what new 第三条 says better than the removed "一人示例组织章程由发起人制定" (plain Dice
// 0.7), which took the article before the promotion pass could look.
BOOST_AUTO_TEST_CASE(a_promotion_beats_a_similar_article_that_says_less) {
    const std::string old_law = std::string(law_head) + article("第一条", article_a) +
        "第二条 设立示例组织，应当具备下列条件：\n\n"
        "（一）发起人符合法定人数；\n\n"
        "（二）有固定的住所和必要的工作人员；\n\n"
        "（三）发起人共同制定组织章程。\n\n" +
        article("第三条", article_b) + article("第四条", "一人示例组织章程由发起人制定。") + article("第五条", article_c);
    const std::string new_law = std::string(law_head) + article("第一条", article_a) + article("第二条", article_b) +
        article("第三条", "设立示例组织，应当由发起人共同制定组织章程。") + article("第四条", article_c);
    const Comparison c = compare_texts(old_law, new_law);
    BOOST_TEST(entry_of_new(c, "第三条") == "moved （三）→第三条");
}

// An article rewritten in its place whose cross-references were renumbered ("本法第十条…" →
// "本法第二十八条…、第三十七条、第三十八条第一款"): each new number is a word found nowhere
// else, and weighed by rarity they would outweigh the words the two share. Numbers are left
// out when a gap's clauses are compared.
BOOST_AUTO_TEST_CASE(renumbered_cross_references_do_not_hide_a_rewritten_article) {
    const std::string old_law = std::string(law_head) + article("第一条", article_a) + article("第二条", article_b) +
        "第二章 理事会\n\n" +
        article("第三条", "示例组织设理事会，其成员为五人至十九人。理事会成员中可以有会员代表。"
                          "本法第十条关于理事任期的规定，适用于示例组织理事。") +
        article("第四条", article_c);
    const std::string new_law = std::string(law_head) +
        article("第一条", "为了规范示例组织的设立和活动，保护成员的合法权益，制定本法。") + article("第二条", article_a) +
        article("第三条", article_b) + "第二章 理事会\n\n" +
        article("第四条", "示例组织设理事会，本法第二十八条另有规定的除外。本法第三十七条、第三十八条第一款的规定，"
                          "适用于示例组织理事。") +
        article("第五条", "示例组织可以按照章程的规定在理事会中设置由理事组成的审计委员会，行使监事会的职权。"
                          "审计委员会成员为三名以上。理事会成员中的会员代表可以成为审计委员会成员。"
                          "审计委员会作出决议，应当经审计委员会成员的过半数通过。") +
        article("第六条", article_c);
    const Comparison c = compare_texts(old_law, new_law);
    BOOST_TEST(entry_of_new(c, "第四条") == "modified 第三条→第四条");
    BOOST_TEST(entry_of_new(c, "第五条") == "added →第五条");
}

// A sentence moved into a new article with its cross-references renumbered ("本法第一百八十条
// 第（一）项、第（二）项…" → "本法第二百二十九条第一款第一项、第二项…"): the numbers are most of
// what differs, and each is a rare word. Traced without its numbers, the sentence is the same.
BOOST_AUTO_TEST_CASE(a_moved_sentence_with_renumbered_references_is_traced) {
    const std::string kept = "清算组由理事组成，但是章程另有规定或者会员大会决议另选他人的除外。";
    const std::string old_law = std::string(law_head) + article("第一条", article_a) + "第二条 " + kept +
        "示例组织因本法第一百八十条第（一）项、第（二）项、第（四）项、第（五）项规定而终止的，应当在十五日内成立清算组。\n\n" +
        article("第三条", article_c);
    const std::string new_law = std::string(law_head) + article("第一条", article_a) + "第二条 " + kept +
        "清算义务人未及时履行清算义务，给示例组织或者债权人造成损失的，应当承担赔偿责任。\n\n" + article("第三条", article_c) +
        article("第四条", "示例组织因本法第二百二十九条第一款第一项、第二项、第四项、第五项规定而终止的，应当在十五日内成立清算组。"
                          "登记机关应当予以协助。");
    const Comparison c = compare_texts(old_law, new_law);
    BOOST_TEST(groups(c) == std::vector<std::string>{"split 第二条→第二条+第四条 0:0 0:1"}, boost::test_tools::per_element());
}

// An item whose one sentence was divided between two new articles: one keeps the business
// opportunity, the other the competing business. The sentence goes whole to the first; its
// part between commas that became the second article is traced there too.
BOOST_AUTO_TEST_CASE(a_sentence_divided_between_two_articles_is_traced_by_its_parts) {
    const std::string old_law = std::string(law_head) + article("第一条", article_a) +
        "第二条 理事不得有下列行为：\n\n"
        "（一）挪用组织资金；\n\n"
        "（二）未经理事会同意，利用职务便利为自己或者他人谋取属于组织的商业机会，自营或者为他人经营与所任职组织同类的业务；\n\n"
        "（三）擅自披露组织秘密。\n\n" +
        article("第三条", article_b);
    const std::string new_law = std::string(law_head) + article("第一条", article_a) +
        "第二条 理事不得有下列行为：\n\n"
        "（一）挪用组织资金；\n\n"
        "（二）擅自披露组织秘密。\n\n" +
        article("第三条", "理事不得利用职务便利为自己或者他人谋取属于组织的商业机会。") +
        article("第四条", "理事未向理事会报告并经理事会决议通过的，不得自营或者为他人经营与所任职组织同类的业务。") +
        article("第五条", article_b);
    const Comparison c = compare_texts(old_law, new_law);
    BOOST_TEST(groups(c) == std::vector<std::string>{"split （二）→第三条+第四条 0:0 0:1"}, boost::test_tools::per_element());
}

// A phrase that unrelated rules share ("除法律另有规定外") is no evidence of a move: a part of a
// sentence must be nearly the same text as its counterpart.
BOOST_AUTO_TEST_CASE(a_common_phrase_between_commas_does_not_link_two_articles) {
    const std::string old_law = std::string(law_head) + article("第一条", article_a) +
        article("第二条", "示例组织可以向其他单位投资；但是，除法律另有规定外，不得成为对所投资单位的债务承担连带责任的出资人。") +
        article("第三条", article_b);
    const std::string new_law = std::string(law_head) + article("第一条", article_a) + article("第二条", article_b) +
        article("第三条", "本法施行前已登记设立的示例组织，除法律、行政法规另有规定外，应当逐步调整至本法规定的期限以内。");
    const Comparison c = compare_texts(old_law, new_law);
    BOOST_TEST(groups(c).empty());
    BOOST_TEST(entry_of_new(c, "第三条") == "added →第三条");
}
