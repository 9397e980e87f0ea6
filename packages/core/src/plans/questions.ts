// The refinement questions every new organisation starts with: the critical questions of the
// source article that make a strategy focused and achievable. An admin edits the set per org.
import type { RefinementQuestion } from "../contracts/plan-discussion";

const Q = (
  key: string,
  text: string,
  help: string,
  required: boolean,
  position: number,
): RefinementQuestion => ({ key, text, help, required, position });

export const DEFAULT_REFINEMENT_QUESTIONS: readonly RefinementQuestion[] = [
  Q(
    "growth_sources",
    "Where will the growth come from?",
    "New customers, more from existing accounts, new products, new regions: name the sources and roughly how much each brings.",
    true,
    0,
  ),
  Q(
    "customers_markets",
    "Which customers and markets will we focus on?",
    "Segments, industries, regions and account tiers. A focus that names everything focuses on nothing.",
    true,
    1,
  ),
  Q(
    "stop_doing",
    "What will we stop doing?",
    "Deals, segments, activities or reports that take time without moving the objectives.",
    true,
    2,
  ),
  Q(
    "capabilities_resources",
    "Which capabilities and resources do we need?",
    "Skills to build, people to hire, tools, budget, and help from other departments.",
    false,
    3,
  ),
  Q(
    "risks_signs",
    "What are the biggest risks, and their early signs?",
    "For each risk, the first signal you would see and what you would do then.",
    true,
    4,
  ),
  Q(
    "success_in_numbers",
    "What does success look like in numbers?",
    "The few figures that would tell anyone, without explanation, that the plan worked.",
    true,
    5,
  ),
  Q(
    "assumption_win_rate",
    "What win rate do the numbers assume?",
    "The share of closed deals you expect to win, and what it was over the last year.",
    false,
    6,
  ),
  Q(
    "assumption_deal_size",
    "What average deal size do the numbers assume?",
    "The average amount of a won deal, and what it was over the last year.",
    false,
    7,
  ),
  Q(
    "assumption_cycle_length",
    "What sales cycle length do the numbers assume?",
    "Days from opening a deal to closing it, and what it was over the last year.",
    false,
    8,
  ),
];
