import { describe, expect, it } from 'vitest';
import { addressRefusal } from '../../lambda/links/address-policy.js';

describe('addressRefusal', () => {
  it.each([
    ['10.1.2.3', 'a private address'],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.254', 'a private address'],
    ['192.168.1.20', 'a private address'],
    ['100.64.0.7', 'a private address'],
    ['127.0.0.1', 'a loopback address'],
    ['127.255.0.9', 'a loopback address'],
    ['169.254.10.10', 'a link-local address'],
    ['169.254.169.254', 'the cloud metadata address'],
    ['0.0.0.0', 'an unspecified address'],
    ['::', 'an unspecified address'],
    ['::1', 'a loopback address'],
    ['fc00::1', 'a private address'],
    ['fd12:3456::1', 'a private address'],
    ['fe80::1', 'a link-local address'],
    ['fe80::1%eth0', 'a link-local address'],
    ['::ffff:10.0.0.1', 'a private address'],
    ['::ffff:127.0.0.1', 'a loopback address'],
    ['::ffff:a9fe:a9fe', 'the cloud metadata address'],
    ['[::1]', 'a loopback address'],
    ['224.0.0.1', 'a multicast address'],
    ['::ffff:0:10.0.0.1', 'a private address'],
    ['64:ff9b::10.0.0.1', 'a private address'],
    ['64:ff9b::7f00:1', 'a loopback address'],
    ['64:ff9b::a9fe:a9fe', 'the cloud metadata address'],
    ['64:ff9b:1::c0a8:101', 'a private address'],
    ['::10.1.2.3', 'a private address'],
    ['::7f00:1', 'a loopback address'],
    ['::c0a8:1', 'a private address'],
    ['2002:a00:1::', 'a private address'],
    ['2002:7f00:1::1', 'a loopback address'],
    ['2002:c0a8:101:1::1', 'a private address'],
    ['2002:a9fe:a9fe::', 'the cloud metadata address'],
  ])('refuses %s as %s', (address, kind) => {
    expect(addressRefusal(address)).toMatch(new RegExp(`^${kind} \\(`, 'u'));
  });

  it.each([
    '93.184.215.14',
    '172.32.0.1',
    '192.169.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
    '2002:808:808::1',
    '::8.8.4.4',
  ])('allows %s', (address) => {
    expect(addressRefusal(address)).toBeNull();
  });

  it('refuses what is not an IP address', () => {
    expect(addressRefusal('localhost')).toBe('not an IP address (localhost)');
  });
});
