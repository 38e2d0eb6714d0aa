import { describe, expect, it } from 'vitest';
import type { ParamKind } from '../../../src/core/knowledge/types.js';
import { MAX_VALUE_LENGTH, validateKind, validateParamValue } from '../../../src/core/fixes/validate-param.js';

const good: [ParamKind, string][] = [
  ['port', '1'],
  ['port', '8080'],
  ['port', '65535'],
  ['ipv4', '0.0.0.0'],
  ['ipv4', '172.16.0.1'],
  ['ipv4', '255.255.255.255'],
  ['cidr', '172.16.0.0/12'],
  ['cidr', '10.123.174.0/23'],
  ['cidr', '0.0.0.0/0'],
  ['cidr', '192.168.1.7/32'],
  ['build', '17763'],
  ['build', '17763.1234'],
  ['build', '10.0.20348.587'],
  ['vm-name', 'Build VM 01'],
  ['vm-name', 'Värd-ä'],
  ['service-name', 'hns'],
  ['service-name', 'MSSQL$SQLEXPRESS'],
  ['service-name', 'com.docker.service'],
  ['node-name', 'win-node-1'],
  ['node-name', 'aks-nodepool1-12345.internal'],
  ['container-name', 'web_1'],
  ['container-name', '3f4e5a6b7c8d'],
  ['network-name', 'nat'],
  ['network-name', 'my-transparent (2)'],
  ['switch-name', 'Default Switch'],
  ['switch-name', 'Standardväxel'],
  ['interface-name', 'vEthernet (nat)'],
  ['interface-name', 'Ethernet 2'],
  ['interface-name', '이더넷'],
  ['share-path', '\\\\fileserver\\share'],
  ['share-path', '\\\\10.0.0.5\\C$\\Some Folder\\'],
  // A NetBIOS name may hold an underscore (a tester: it was refused).
  ['share-path', '\\\\FILE_SRV01\\data'],
  ['local-folder', 'D:\\docker'],
  ['local-folder', 'C:\\ProgramData\\docker\\'],
  ['local-folder', 'E:\\Container Data\\v1.2'],
  ['user', 'CONTOSO\\alice'],
  ['user', '.\\Administrator'],
  ['user', 'alice@contoso.com'],
  ['user', 'ContainerAdministrator'],
  ['user', "o'brien"],
  ['user', 'CONTOSO\\gmsa$'],
  ['drive-letter', 'Z:'],
  ['drive-letter', 'd:'],
  ['label-value', 'windows'],
  ['label-value', 'v1.2_x-y'],
  ['image-ref', 'mcr.microsoft.com/windows/servercore:ltsc2022'],
  ['image-ref', 'mcr.microsoft.com/windows/nanoserver:10.0.17763.1234'],
  ['image-ref', 'localhost:5000/app'],
  ['image-ref', `microsoft/iis@sha256:${'a'.repeat(64)}`],
  ['image-ref', 'nginx'],
  ['image-ref', 'my-registry.example.com:5000/team/app:1.0'],
  ['image-ref', 'a-b:5000/app'],
  ['text', `anything "goes" here; even $(this) & | \`that\``],
];

const bad: [ParamKind, string, RegExp][] = [
  ['port', '0', /1 to 65535/],
  ['port', '65536', /1 to 65535/],
  ['port', '80a', /1 to 65535/],
  ['port', '-1', /1 to 65535/],
  ['port', '080', /1 to 65535/],
  ['ipv4', '256.1.1.1', /0-255/],
  ['ipv4', '10.0.0.01', /leading zero/],
  ['ipv4', '10.0.0', /IPv4 address/],
  ['ipv4', 'fe80::1', /IPv4 address/],
  ['cidr', '10.0.0.0', /prefix/],
  ['cidr', '10.0.0.0/33', /above 32/],
  ['cidr', '10.0.0.1/24', /host bits set; the network address is 10\.0\.0\.0\/24/],
  ['cidr', '172.17.5.4/12', /172\.16\.0\.0\/12/],
  ['build', '1607', /build number/],
  ['build', '10.0.x', /build number/],
  ['vm-name', 'a/b', /cannot contain/],
  // PowerShell's wildcards and their escape: -VMName 'h[a-z]st[0-9]' would change every VM it matches (attacker helper).
  ['vm-name', 'h[a-z]st[0-9]', /wildcards/],
  ['vm-name', 'web*', /wildcards/],
  ['vm-name', 'a`[b', /wildcards/],
  ['vm-name', ' lead', /space/],
  ['vm-name', 'x'.repeat(101), /longer than 100/],
  ['service-name', 'hns; rm', /service name/],
  ['service-name', 'a b', /service name/],
  ['node-name', '-node', /node name/],
  // A registry host cannot start or end with -: `-ehome.x/y` went into a run line as docker's -e (an attacker helper).
  ['image-ref', '-ehome.x/y', /image reference/],
  ['image-ref', '--rm.example.com/x', /image reference/],
  ['image-ref', 'reg-.example.com/x', /image reference/],
  ['image-ref', '-a:5000/x', /image reference/],
  ['node-name', 'node_1', /node name/],
  ['container-name', 'a', /two or more/],
  ['container-name', '_web', /container name/],
  ['container-name', 'web;ls', /container name/],
  ['network-name', 'nat"x', /may only contain/],
  ['network-name', '-o', /start with a letter or digit/],
  ['switch-name', "Default'Switch", /may only contain/],
  ['interface-name', 'Ethernet;2', /may only contain/],
  ['share-path', 'C:\\share', /share path/],
  ['share-path', '\\\\server', /share path/],
  ['share-path', '\\\\ser ver\\share', /server name/],
  ['share-path', '\\\\server\\sh|are', /share or folder/],
  // The SMB cmdlets may read brackets as wildcards (second attacker helper).
  ['share-path', '\\\\server\\sh[a-z]re', /share or folder/],
  // A drive's root, `..` and `.` (second attacker helper: C:\ProgramData\docker\..\.. was taken for a fix that
  // uncompresses and decrypts a folder with all it holds).
  ['local-folder', 'C:\\', /whole drive/],
  ['local-folder', 'C:', /full path/],
  ['local-folder', 'C:\\ProgramData\\docker\\..\\..', /"\.\."/],
  ['local-folder', 'C:\\.\\docker', /"\.\."/],
  ['local-folder', 'C:\\a\\\\b', /empty/],
  ['local-folder', 'C:\\dock*er', /empty/],
  ['local-folder', 'C:\\docker.', /final dot/],
  ['local-folder', 'docker', /full path/],
  // Device names, with or without an extension (a tester: D:\\CON passed).
  ['local-folder', 'D:\\CON', /device name/],
  ['local-folder', 'D:\\data\\nul.txt', /device name/],
  ['local-folder', 'D:\\COM1.log', /device name/],
  ['share-path', '\\\\srv\\x\\..', /share or folder/],
  ['share-path', '\\\\srv\\CON', /device name/],
  ['share-path', '\\\\_srv\\data', /server name/],
  ['local-folder', '\\\\server\\share', /full path/],
  ['user', 'DOM\\a\\b', /without/],
  ['user', 'a@b@c', /without/],
  ['user', 'CON TOSO\\alice', /DOMAIN\\user/],
  ['user', 'al;ice', /without/],
  ['drive-letter', 'Z', /colon/],
  ['drive-letter', 'ZZ:', /colon/],
  ['label-value', 'a b', /label value/],
  ['label-value', 'x'.repeat(64), /longer than 63/],
  ['label-value', '-x', /label value/],
  ['image-ref', 'UPPER/case', /image reference/],
  ['image-ref', 'repo:tag with space', /image reference/],
  ['text', '', /empty/],
  ['text', 'a\nb', /line break/],
  ['text', 'a\r\nb', /line break/],
  ['text', 'a\u0000b', /NUL/],
  ['text', 'a\u001bb', /control character \(U\+001B\)/],
  ['text', 'abc\u202Edef', /text-direction/],
  ['text', 'x'.repeat(MAX_VALUE_LENGTH + 1), /longer than/],
  ['port', '8\n0', /line break/],
];

describe('validateKind', () => {
  it.each(good)('%s accepts %j', (kind, value) => {
    expect(validateKind(kind, value)).toEqual({ ok: true, value });
  });

  it.each(bad)('%s rejects %j and says why', (kind, value, why) => {
    const r = validateKind(kind, value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(why);
  });

  it('covers every ParamKind with at least one good and one bad value', () => {
    const kinds: ParamKind[] = ['port', 'ipv4', 'cidr', 'build', 'vm-name', 'service-name', 'node-name', 'container-name', 'network-name', 'switch-name', 'interface-name', 'share-path', 'local-folder', 'user', 'drive-letter', 'label-value', 'image-ref', 'text'];
    for (const k of kinds) {
      expect(good.some(([g]) => g === k), `good ${k}`).toBe(true);
      expect(bad.some(([b]) => b === k), `bad ${k}`).toBe(true);
    }
  });
});

describe('validateParamValue', () => {
  it('applies the fix pattern on top of the kind', () => {
    const param = { kind: 'text' as const, pattern: '^(?:[3-9]|[1-5][0-9])$', description: 'processor count, 3 or more' };
    expect(validateParamValue(param, '4').ok).toBe(true);
    expect(validateParamValue(param, '2')).toEqual({ ok: false, error: 'does not fit this fix: processor count, 3 or more' });
  });

  it('reports a broken pattern instead of throwing', () => {
    const r = validateParamValue({ kind: 'text', pattern: '([', description: 'x' }, 'a');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/broken pattern/);
  });
});

describe('a fix pattern of the knowledge', () => {
  it("takes tzutil's ids, _dstoff ones included, and nothing that could leave the argument", async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const topic = parse(readFileSync(new URL('../../../knowledge/topics/container-time-zone-follows-host.yaml', import.meta.url), 'utf8')) as {
      fixes: { id: string; params: Record<string, { kind: ParamKind; pattern?: string; description: string }> }[];
    };
    const param = topic.fixes.find((f) => f.id === 'set-container-time-zone')?.params.time_zone;
    expect(param).toBeDefined();
    if (!param) return;
    for (const ok of ['W. Europe Standard Time', 'Pacific Standard Time_dstoff', 'UTC', 'UTC-02', 'Cen. Australia Standard Time', 'Korea Standard Time'])
      expect(validateParamValue(param, ok).ok, ok).toBe(true);
    for (const bad of ['"; calc', 'UTC & calc', '$(calc)', 'UTC`n', '_dstoff', 'a'.repeat(80)]) expect(validateParamValue(param, bad).ok, bad).toBe(false);
  });
});
