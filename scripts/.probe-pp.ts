import { extractPositions } from '/work/wt/pos-party/lambda/facts/positions.js';
import { articleOf } from '/work/wt/pos-party/test/facts/article-of.js';
const person = (name: string, affiliation: string | null) => ({ key: name.toLowerCase(), name, aliases: [], affiliation });
const leaders = [person('Irina Zorova', 'Russia'), person('Bohdan Lytvak', 'Ukraine'), person('Sam Keller', 'United States')];
const cases: string[] = [
 "Talks resumed on Monday. Moscow's demand for the whole Donetsk region stands, officials said.",
 "Talks resumed on Monday. Kyiv's refusal to cede Crimea remains firm.",
 "Talks resumed on Monday. The Kremlin's position on the Donetsk region has not changed.",
 "Talks resumed on Monday. Russian negotiators insist that Ukraine leave the Donetsk region.",
 "Talks resumed on Monday. Ukrainian officials reject any handover of the Donetsk region.",
 "Talks resumed on Monday. Russia-backed authorities in the region demand that Kyiv recognise Crimea as Russian.",
 "Talks resumed on Monday. Ukrainian troops will not withdraw from the Donetsk region, the commander said.",
 "Talks resumed on Monday. Russian forces demand that Ukrainian units leave the Donetsk region.",
 "Irina Zorova spoke on Monday. The president keeps pressing for Ukraine to hand over the rest of the Donetsk region.",
 "Irina Zorova spoke on Monday. Ukraine rejected the other leader's demands for the Donetsk region.",
 "Ukraine rejected Zorova's demands for the Donetsk region.",
 "Talks resumed. Russian President Irina Zorova met envoys. Later, the president said Ukraine must leave the Donetsk region.",
 "Talks resumed. The Kremlin aide said Ukraine must leave the Donetsk region.",
 "Talks resumed. The Ukrainian foreign minister said on Monday that Crimea will never be recognised as Russian.",
 "Talks resumed. The foreign minister said on Monday that Kyiv will never recognise Crimea as Russian.",
 "Sam Keller told Ukraine a deal would need its withdrawal from the Donetsk region.",
 "The envoy told Ukraine that a deal would require it to withdraw from the Donetsk region.",
 "Moscow wants the Donetsk region. Ukraine says it will never give up its land in Donbas.",
];
for (const c of cases) {
  const ps = extractPositions(articleOf(c), { people: leaders }).map((p) => `${p.topic}/${p.party}`);
  console.log(JSON.stringify(ps), '<=', c);
}
