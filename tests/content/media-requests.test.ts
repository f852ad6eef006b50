import { describe, expect, it } from 'vitest';
import { isMediaMetadataRequest, mediaDescription, uploadedMediaId, uploadInit } from '../../src/content/media-requests';

const BASE = 'https://x.com/home';

describe('uploadInit', () => {
  it('reads the size and type an upload announces, only for INIT', () => {
    expect(uploadInit('https://upload.x.com/i/media/upload.json?command=INIT&total_bytes=1234&media_type=image%2Fjpeg', BASE)).toEqual({ bytes: 1234, type: 'image/jpeg' });
    expect(uploadInit('/i/media/upload.json?command=INIT&total_bytes=9&media_type=video%2Fmp4', BASE)).toEqual({ bytes: 9, type: 'video/mp4' });
    expect(uploadInit('/i/media/upload.json?command=APPEND&media_id=1&segment_index=0', BASE)).toBeNull();
    expect(uploadInit('/i/api/graphql/q/CreateTweet', BASE)).toBeNull();
  });

  it('sees the path as the browser resolves it', () => {
    expect(uploadInit('/i/media/x/../upload.json?command=INIT&total_bytes=5&media_type=image%2Fpng', BASE)).toEqual({ bytes: 5, type: 'image/png' });
  });

  it('reads the media id X answers with', () => {
    expect(uploadedMediaId({ media_id: 17, media_id_string: '17' })).toBe('17');
    expect(uploadedMediaId({ media_id: 17 })).toBeNull();
    expect(uploadedMediaId(null)).toBeNull();
  });
});

describe('media descriptions', () => {
  it('recognises the metadata call, however its path is written', () => {
    expect(isMediaMetadataRequest('https://x.com/i/api/1.1/media/metadata/create.json', BASE)).toBe(true);
    expect(isMediaMetadataRequest('/i/api/1.1/media/x/../metadata/create.json', BASE)).toBe(true);
    expect(isMediaMetadataRequest('/i/api/1.1/media/metadata/Cre%61te.json', BASE)).toBe(true);
    expect(isMediaMetadataRequest('/i/api/1.1/media/metadata/create\t.json', BASE)).toBe(true);
    expect(isMediaMetadataRequest('/i/api/1.1/media/metadata/createX.json', BASE)).toBe(false);
  });

  it('reads the description and its media id; an unreadable body has no description', () => {
    expect(mediaDescription(JSON.stringify({ media_id: '42', alt_text: { text: 'Our mural' } }))).toEqual({ mediaId: '42', alt: 'Our mural' });
    expect(mediaDescription('{oops')).toEqual({ mediaId: '', alt: null });
    expect(mediaDescription(undefined)).toEqual({ mediaId: '', alt: null });
    expect(mediaDescription('null')).toEqual({ mediaId: '', alt: null });
    expect(mediaDescription(JSON.stringify({ media_id: '42' }))).toEqual({ mediaId: '42', alt: null });
  });
});
