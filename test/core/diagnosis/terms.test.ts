import { describe, expect, it } from 'vitest';
import { hanAsOurs, termSetOf, termSurfaces } from '../../../src/core/diagnosis/terms.js';

describe("users' Chinese words read as ours", () => {
  it.each([
    ['镜像', '映像'],
    ['拉取镜像失败', '拉取映像失败'],
    ['宿主机和镜像版本不一致', '主机和映像版本不一致'],
    ['端点创建失败', '终结点创建失败'],
    ['映像', '映像'],
    ['容器主机', '容器主机'],
  ])('%s → %s', (theirs, ours) => {
    expect(hanAsOurs(theirs)).toBe(ours);
  });

  it('gives a paste with 镜像 the terms of our 映像, and quotes the paste as written', () => {
    expect(termSetOf('主机和镜像不一致')).toEqual(termSetOf('主机和映像不一致'));
    expect(termSurfaces('镜像不兼容').get('映像')).toBe('镜像不兼容');
  });
});
