/**
 * The market note this project is built on, retold section by section in our own words
 * (the note itself is not part of the repository). Rendered to docs/note.md and to the
 * add-in's help/note.html by ./render.ts; every "note §x.y" in the function table, the help
 * pages and the docs links to the section with that number here, and a test checks that each
 * cited section exists. Text may use `code` spans; nothing else is interpreted.
 */

export interface NoteSection {
  /** The note's own numbering: "3.1", or "5" for a section without subsections. */
  number: string;
  title: string;
  paragraphs: readonly string[];
}

export interface NoteChapter extends NoteSection {
  sections: readonly NoteSection[];
}

export const NOTE_TITLE = "The note, in our words";

export const NOTE_INTRO: readonly string[] = [
  "marginal-bid grew out of one market note on Japan and US Treasuries (data to 15 May 2026). Its thesis fits in a line: " +
    "the danger for Treasuries is not that Japan sells what it owns, but that it stops adding to it. " +
    "This page retells the argument section by section, in our words, with the note's section numbers; every `note §…` in the " +
    "function reference, the Excel help pages and the model sheet refers to a section here, and each section lists the functions that cite it.",
  "The note is research commentary, not investment advice, and it says itself that several of its numbers are illustrative. " +
    "Where its arithmetic needs care we say so (§3.2).",
];

export const NOTE_CHAPTERS: readonly NoteChapter[] = [
  {
    number: "1",
    title: "Not selling, but no longer buying",
    paragraphs: [],
    sections: [
      {
        number: "1.1",
        title: "The story the market tells",
        paragraphs: [
          "The popular version runs: Japanese producer prices surprise on the upside, the Bank of Japan hikes, Japanese investors dump their " +
            "Treasuries and bring the money back, US yields jump and equities fall. The note rejects the middle step. Life insurers and pension funds hold Treasuries " +
            "as long-term, almost collateral-like positions rather than trades, so they cannot easily dump them; a large sale would jolt both the " +
            "yen and the rates market, so any shift would be slow. What is realistic is buying less.",
        ],
      },
      {
        number: "1.2",
        title: "The chain it proposes",
        paragraphs: [
          "In its place the note sets a chain of nine links: a PPI surprise → a higher probability of BOJ tightening → higher JGB yields and " +
            "expectations of a stronger yen → a lower Treasury return after the currency hedge, as seen from Tokyo → Japanese institutions put less " +
            "new money into Treasuries → marginal demand for Treasuries weakens → the term premium, and so long yields, rise → the world's discount " +
            "rate resets → risk assets reprice.",
          "The point is that prices can fall without a single sale: a buyer who used to turn up every year no longer does. `CHAIN` computes the " +
            "links from one block of inputs; `SCENARIO` reads where the US 10-year ends up.",
        ],
      },
    ],
  },
  {
    number: "2",
    title: "Four ideas the argument needs",
    paragraphs: [],
    sections: [
      {
        number: "2.1",
        title: "Hedging the currency",
        paragraphs: [
          "A Japanese insurer that buys a Treasury changes yen into dollars, holds the bond, and changes the dollars back at the end. If the " +
            "dollar weakens meanwhile, the yen value falls. A currency hedge fixes the rate of the return trip in advance: the risk goes, but " +
            "the hedge has a price, roughly the gap between US and Japanese short rates. With 5% against 0.5% the hedge costs about 4.5%, " +
            "which cancels a 4.5% Treasury yield completely.",
          "`HEDGE_COST` takes that rule of thumb; `HEDGE_COST_CIP` and `FX_FORWARD` the covered-interest-parity version with day counts and the " +
            "cross-currency basis; `HEDGE_COST_FWD` and `IMPLIED_BASIS` work from quoted forwards.",
        ],
      },
      {
        number: "2.2",
        title: "What a BOJ hike does to a Japanese investor",
        paragraphs: [
          "Three things happen. Domestic yields rise, so there is less reason to go abroad. The hedge gets cheaper, because the Japanese short " +
            "rate rises, but the better JGB yield weighs more than the saving. And if markets price a firmer yen, the unhedged part of a " +
            "dollar holding will convert back into fewer yen, a risk that comes on top of the hedge cost. The hedged Treasury can end up " +
            "yielding less than the JGB, even less than nothing, and new purchases slow.",
        ],
      },
      {
        number: "2.3",
        title: "The term premium",
        paragraphs: [
          "A long yield is the average of the short rates expected over its life plus a premium for locking money up for years when nobody " +
            "knows what they will bring. The premium rises with uncertainty about inflation, worries about deficits, volatility, and when buyers " +
            "become scarcer. If it rises by 100bp the 10-year yield rises by about as much while short rates stay put: the curve steepens.",
          "`TERM_PREMIUM` subtracts the average expected short rate from a long yield; `ACM_TERM_PREMIUM` estimates the premium from a panel of yields as the New York Fed does.",
        ],
      },
      {
        number: "2.4",
        title: "Japan, the largest foreign holder",
        paragraphs: [
          "Japan held about USD 1.13tn of Treasuries at the end of 2024, more than any other foreign country (China about 0.79tn, the UK about " +
            "0.75tn). The holders are life insurers, pension funds such as the GPIF, the large banks and asset managers: long-duration investors " +
            "that hedge roughly 50–70% of the currency risk and put fresh inflows into Treasuries year after year. They are the marginal buyer, " +
            "and when their bid weakens the balance of supply and demand breaks.",
          "`HOLDINGS_LOSS` puts a mark-to-market number on a yield rise for those holdings; `TIC_HOLDINGS` and `TIC_CHANGE` read them from the " +
            "Treasury's TIC data; `hedge_ratio` in `CHAIN` is the hedged share.",
        ],
      },
    ],
  },
  {
    number: "3",
    title: "The mechanism in numbers",
    paragraphs: [],
    sections: [
      {
        number: "3.1",
        title: "The hedged yield today",
        paragraphs: [
          "With the note's illustrative rates, a US short rate of 4.50% and a Japanese one of 0.50%, hedging costs 4.00%. A 10-year Treasury " +
            "at 4.30% then earns 0.30% after the hedge, while a 10-year JGB pays 1.50%: the Japanese investor does 1.20 points better at home.",
          "`HEDGED_UST(4.3%, 4.5%, 0.5%)` gives the 0.30%, `JGB_ADVANTAGE(1.5%, 4.3%, 4.5%, 0.5%)` the 1.20 points.",
        ],
      },
      {
        number: "3.2",
        title: "After a 50bp hike",
        paragraphs: [
          "The BOJ takes its rate from 0.50% to 1.00%; the note assumes the 10-year JGB follows from 1.50% to 2.00% and US rates stay where " +
            "they are. The hedge now costs 3.50% and the hedged Treasury earns 0.80%, against 2.00% on the JGB. Adding an expected yen rise, the " +
            "unhedged part of the position would also lose on translation, which lowers the appeal of new Treasuries further.",
          "The note describes the gap as widening to 1.20pp; with its own numbers it was already 1.20pp before the hike and stays there, because " +
            "the hike lifts the JPY short rate and the JGB yield by the same 50bp. The gap widens when the JGB moves more than the short rate " +
            "(`jgb_passthrough` above `short_passthrough`), when part of the position is unhedged (by the hike times the unhedged share), or " +
            "with yen strength on the unhedged part (`fx_change` below 0). `BOJ_HIKE` and `CHAIN` show this instead of hiding it; " +
            "`FX_BREAKEVEN` gives the USD/JPY move at which a partly hedged Treasury earns exactly the JGB yield.",
        ],
      },
      {
        number: "3.3",
        title: "From weaker demand to higher yields",
        paragraphs: [
          "The US Treasury issues roughly USD 1.5–2.0tn of net new debt a year. The buyers: the Federal Reserve (currently shrinking its " +
            "holdings), US banks and money-market funds, foreign holders (Japan, China, the UK, the euro area), hedge funds and asset managers. " +
            "Japan usually adds about USD 50–100bn a year. If that halves, USD 25–50bn of demand disappears; someone else has to take the bonds, " +
            "and they will only do so at higher yields, so the term premium widens.",
          "The note estimates that this alone could add about 20–40bp to the US 10-year, the middle of academic estimates it calls hard to " +
            "verify. `TP_IMPACT` turns a shortfall into a term-premium change with a chosen estimate; `TP_IMPACT_TABLE` shows all of them; in " +
            "`CHAIN` the share of Japan's buying that stops (`bid_cut`) is an input, as in the note.",
        ],
      },
    ],
  },
  {
    number: "4",
    title: "Why every asset feels it",
    paragraphs: [],
    sections: [
      {
        number: "4.1",
        title: "The US 10-year anchors the world's discount rate",
        paragraphs: [
          "Every asset is worth its future cash flows discounted back to today, and the US 10-year yield anchors the discount rate. If it goes " +
            "from 4% to 5%, equity multiples compress, long-duration growth stocks most, because more of their value lies far in the future; " +
            "emerging-market risk premia, property values and credit spreads reprice as well. High-multiple, AI-linked names are the most exposed.",
          "`PE_RATIO`, `EQUITY_DURATION`, `PE_CHANGE` and `PV_CHANGE` put numbers on this with the Gordon growth model and plain discounting.",
        ],
      },
      {
        number: "4.2",
        title: "How it reaches Korean equities",
        paragraphs: [
          "Directly: higher US yields shrink foreign allocations to emerging markets, Korean 10-year yields move with US ones and compress " +
            "Korean multiples, and the won weakens when the dollar strengthens. Indirectly: Japanese money in Korean bonds may go home, and " +
            "Korean growth names (internet platforms, biotech) react strongly to the US discount rate. Chipmakers are partly shielded by the AI " +
            "cycle, but their multiples are squeezed too. Financials, value and short-duration cash flows fare better; growth, biotech and " +
            "high-multiple themes worse. `kr_beta` in `CHAIN` carries the US move into the Korean 10-year.",
        ],
      },
    ],
  },
  {
    number: "5",
    title: "Not the yen carry-trade unwind",
    paragraphs: [
      "Both begin with BOJ tightening and a stronger yen, but they differ. The carry unwind, as in August 2024, is forced selling of assets " +
        "bought with cheap borrowed yen: a shock of days or weeks that hits volatile assets. The note's mechanism is slower buying of new " +
        "Treasuries by insurers and pension funds: it builds over quarters and years and shows up in Treasury yields and the global discount " +
        "rate. The two can happen at the same time.",
    ],
    sections: [],
  },
  {
    number: "6",
    title: "What to watch",
    paragraphs: ["`CHECKPOINTS` puts the measurable ones in one live panel; `FRED`, `FRED_SERIES`, `JGB_YIELD`, `TIC_HOLDINGS` and `TIC_CHANGE` fetch them one by one."],
    sections: [
      {
        number: "6.1",
        title: "On the Japanese side",
        paragraphs: [
          "BOJ decisions (is the path already priced?), PPI and CPI (is the inflation passing or lasting?), the 10-year JGB yield (the " +
            "higher it is, the less a hedged Treasury appeals), USD/JPY (a stronger yen adds to the burden of Japanese holders), and how the GPIF " +
            "and life insurers describe their allocation plans, which is the behaviour itself.",
        ],
      },
      {
        number: "6.2",
        title: "On the US side",
        paragraphs: [
          "The 10-year yield itself, the New York Fed's term-premium estimates (the ACM and Kim–Wright models; a premium near 100bp is the " +
            "danger zone), the MOVE index of Treasury option volatility, and the TIC data on foreign holdings, the hard evidence of Japanese " +
            "buying and selling, published about two months after the fact.",
        ],
      },
      {
        number: "6.3",
        title: "Three scenarios",
        paragraphs: [
          "A: the BOJ hikes gradually and US buyers absorb the slack; the US 10-year stays at 4.0–4.5% and Korean equities feel little. " +
            "B: the BOJ speeds up and the term premium climbs; 4.5–5.0%, with pressure on growth and high-multiple stocks. C: Japanese selling " +
            "actually happens; above 5.0%, a broad correction in risk assets. The note's base case lies between A and B; C is unlikely but costly.",
          "`SCENARIO` classifies a 10-year yield by these bands (A below 4.5%, B from 4.5% to 5.0%, C from 5.0%); `SCENARIO_TABLE` lists them.",
        ],
      },
    ],
  },
  {
    number: "7",
    title: "Links to the author's other pieces",
    paragraphs: [
      "The note ties in three earlier pieces: on memory chips (structural AI demand makes them sturdier in a rate shock, though their " +
        "multiple can still shrink), on a US–China summit (foreign flows answer to US rates, the dollar and USD/JPY together, and Japan's PPI " +
        "is one more driver), and on a rotation out of crowded semiconductor positions (higher US rates speed it up, to the benefit of value " +
        "and financials). None of this is modelled here.",
    ],
    sections: [],
  },
  {
    number: "8",
    title: "The bottom line",
    paragraphs: [
      "The fear worth having is not that Japan sells Treasuries but that the largest foreign holder stops adding: an erosion of marginal " +
        "demand, slower than a sell-off and more lasting. Without any selling, the missing buyer lowers prices; the term premium widens, the " +
        "US 10-year rises, the global discount rate resets and every risk asset feels it. The question is where Japanese insurers and pension " +
        "funds put new money; BOJ meetings, the JGB yield and what the GPIF and the insurers say are the gauges.",
      "The note's own caveats, and where this project lets you change the assumption: Japan's holdings of about USD 1.13tn come from TIC and " +
        "move from report to report (`TIC_HOLDINGS`); the hedge cost is a simplification that ignores the cross-currency basis and other costs " +
        "(`basis`, `HEDGE_COST_CIP`); a 50bp hike moving the 10-year JGB by 50bp is an assumption (`jgb_passthrough`); the 20–40bp effect on " +
        "the US 10-year is a midpoint of academic ranges (`TP_IMPACT` presets); the term-premium models are the New York Fed's ACM and " +
        "Kim–Wright; and the carry-trade comparison contrasts mechanisms that can occur together.",
    ],
    sections: [],
  },
];

/** Every section by its number ("1", "1.1", …), in order. */
export function noteSections(): NoteSection[] {
  return NOTE_CHAPTERS.flatMap((c) => [c, ...c.sections]);
}

/** The anchor of a section on both renderings: `section-3-1`. */
export const noteAnchor = (number: string) => `section-${number.replace(/\./g, "-")}`;

/**
 * The section numbers a citation names: "note §3.1, §3.2" → 3.1, 3.2; "§3.1–§3.3" → 3.1, 3.2, 3.3;
 * "§6" → 6. Ranges run over the subsections of one chapter.
 */
export function citedSections(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/§(\d+(?:\.\d+)?)(?:\s*[–-]\s*§?(\d+(?:\.\d+)?))?/g)) {
    const [from, to] = [m[1], m[2]];
    if (!to) {
      out.push(from);
      continue;
    }
    const [chapter, a] = from.split(".");
    const b = to.split(".")[1];
    for (let k = Number(a); k <= Number(b); k++) out.push(`${chapter}.${k}`);
  }
  return out;
}
