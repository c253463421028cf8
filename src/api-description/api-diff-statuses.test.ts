import { describe, expect, it } from 'vitest';
import { changes, diff, lines, openApi } from './api-diff-test-helpers';

/** `method /books` answering these statuses, each with a description only. */
const answering = (method: string, ...statuses: string[]) =>
  openApi({ '/books': { [method]: { responses: Object.fromEntries(statuses.map((status) => [status, { description: status }])) } } });

describe('diffApiDocuments: response status codes', () => {
  it('flags a success status changed into another as one breaking change', async () => {
    expect(await lines(answering('post', '201', '400'), answering('post', '200', '400'))).toEqual(['~ POST /books  status: 201 → 200  (changed, breaking)']);
    expect(await diff(answering('post', '201'), answering('post', '200'))).toMatchObject({ status: 'compared', breakingCount: 1 });
  });

  it('flags a success status removed while another stays', async () => {
    expect(await lines(answering('delete', '200', '204'), answering('delete', '200'))).toEqual(['- DELETE /books  status 204  (removed, breaking)']);
  });

  it('lists an added status as not breaking, success or error', async () => {
    expect(await lines(answering('get', '200'), answering('get', '200', '404'))).toEqual(['+ GET /books  status 404  (added)']);
    expect(await lines(answering('post', '201'), answering('post', '201', '202'))).toEqual(['+ POST /books  status 202  (added)']);
  });

  it('lists a removed error status or default as not breaking', async () => {
    expect(await lines(answering('get', '200', '404', 'default'), answering('get', '200'))).toEqual([
      '- GET /books  status 404  (removed)',
      '- GET /books  status default  (removed)',
    ]);
  });

  it('treats the 2XX range as covering the codes in it', async () => {
    // Clients of 2XX took any 2xx, so 200 is one they take; clients of 201 are not promised it any more.
    expect(await lines(answering('post', '2XX'), answering('post', '200'))).toEqual(['~ POST /books  status: 2XX → 200  (changed)']);
    expect(await lines(answering('post', '201'), answering('post', '2XX'))).toEqual(['~ POST /books  status: 201 → 2XX  (changed, breaking)']);
    expect(await lines(answering('post', '200', '2XX'), answering('post', '200'))).toEqual(['- POST /books  status 2XX  (removed)']);
    expect(await changes(answering('get', '2xx'), answering('get', '2XX'))).toEqual([]);
  });

  it('lists each success status when several change at once', async () => {
    expect(await lines(answering('put', '200', '201'), answering('put', '202', '204'))).toEqual([
      '- PUT /books  status 200  (removed, breaking)',
      '- PUT /books  status 201  (removed, breaking)',
      '+ PUT /books  status 202  (added)',
      '+ PUT /books  status 204  (added)',
    ]);
  });
});
