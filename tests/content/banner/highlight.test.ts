// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { rangesFor } from '../../../src/content/banner/highlight';

describe('highlight ranges', () => {
  it('finds phrases across inline elements and skips scripts', () => {
    document.body.innerHTML = '<p id="ad">专业<b>停息</b>挂账，停息挂账<script>var a="停息挂账"</script></p>';
    const element = document.getElementById('ad') as Element;
    const ranges = rangesFor(document, element, ['停息挂账']);
    expect(ranges.map((r) => r.toString())).toEqual(['停息挂账', '停息挂账']);
    expect(ranges[0]?.startContainer.textContent).toBe('停息');
    // the page's DOM is unchanged
    expect(element.innerHTML).toBe('专业<b>停息</b>挂账，停息挂账<script>var a="停息挂账"</script>');
  });
});
