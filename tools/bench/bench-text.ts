/** Deterministic mixed Chinese text for benchmarks: common characters, punctuation, digits, Latin, and now and then a pack phrase. */
const COMMON =
  '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切府苦睡细准';
const PUNCT = '，。、！？：；“”（） ';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateBenchText(chars: number, phrases: readonly string[], seed = 42): string {
  const random = rng(seed);
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const r = random();
    let piece: string;
    if (r < 0.0002 && phrases.length > 0) piece = phrases[Math.floor(random() * phrases.length)] ?? '';
    else if (r < 0.1) piece = PUNCT[Math.floor(random() * PUNCT.length)] ?? ' ';
    else if (r < 0.12) piece = String(Math.floor(random() * 10000));
    else if (r < 0.13) piece = 'abcdefghijklmnopqrstuvwxyz'.slice(0, 2 + Math.floor(random() * 6));
    else piece = COMMON[Math.floor(random() * COMMON.length)] ?? '的';
    parts.push(piece);
    length += piece.length;
  }
  return parts.join('');
}
