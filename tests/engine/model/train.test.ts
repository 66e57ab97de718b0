import { describe, expect, it } from 'vitest';
import { gramSet, modelText } from '../../../src/engine/model/features';
import { headLogit, trainHead, type TrainingExample } from '../../../src/engine/model/train';

const grams = (t: string) => gramSet(modelText(t).text, [1, 2]);
const ads = ['帮你把利息免掉，加我', '欠款帮你谈，私我', '只还本金，找我办理', '催收电话帮你停，加我', '利息全免，私聊我'];
const plain = ['今天天气不错', '超市打折到周日', '周末去爬山吧', '快递已放在门口', '明天上午开会'];
const examples: TrainingExample[] = [
  ...ads.map((t) => ({ grams: grams(t), label: 1 as const, weight: 1 })),
  ...plain.map((t) => ({ grams: grams(t), label: 0 as const, weight: 1 })),
];

describe('trainHead', () => {
  it('learns to tell the two apart, on lines it has not seen', () => {
    const head = trainHead(examples, { epochs: 30, alpha: 0.3, beta: 1, l1: 0.01, l2: 0.1, seed: 1 });
    expect(headLogit(head, grams('帮你免利息，私我'))).toBeGreaterThan(0);
    expect(headLogit(head, grams('周日天气不错'))).toBeLessThan(0);
  });

  it('gives the same weights for the same lines and seed', () => {
    const settings = { epochs: 5, alpha: 0.1, beta: 1, l1: 0.1, l2: 1, seed: 7 };
    expect([...trainHead(examples, settings).weights]).toEqual([...trainHead(examples, settings).weights]);
  });

  it('keeps fewer weights the stronger its L1', () => {
    const loose = trainHead(examples, { epochs: 10, alpha: 0.1, beta: 1, l1: 0, l2: 1, seed: 1 });
    const tight = trainHead(examples, { epochs: 10, alpha: 0.1, beta: 1, l1: 20, l2: 1, seed: 1 });
    expect(tight.weights.size).toBeLessThan(loose.weights.size);
  });
});
