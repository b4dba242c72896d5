// The vocabulary of the synthetic book: ordinary words of writing about film, in the proportions of real
// prose (short function words often, long words now and then), so that lines break and pages fill as a
// real chapter's do. None of it is the guide's text.

export const nouns = [
  'film', 'scene', 'school', 'garden', 'letter', 'memory', 'audience', 'camera', 'director', 'novel', 'critic',
  'season', 'silence', 'promise', 'journey', 'window', 'road', 'coast', 'hospital', 'friendship', 'question',
  'photograph', 'song', 'teacher', 'pupil', 'village', 'evening', 'winter', 'summer', 'corridor', 'field',
  'fence', 'boat', 'tape', 'drawing', 'gallery', 'rumour', 'story', 'narrator', 'voice', 'shot', 'frame',
  'landscape', 'character', 'performance', 'screenplay', 'adaptation', 'chapter', 'ending', 'beginning',
  'childhood', 'decision', 'system', 'society', 'choice', 'feeling', 'detail', 'colour', 'light', 'sky',
  'room', 'house', 'sea', 'beach', 'car', 'record', 'visit', 'conversation', 'argument', 'secret', 'truth',
  'idea', 'theme', 'symbol', 'image', 'sound', 'music', 'score', 'reviewer', 'festival', 'reader', 'viewer',
  'classroom', 'lesson', 'essay', 'answer', 'moment', 'year', 'morning', 'afternoon', 'rain', 'path'
] as const

export const adjectives = [
  'quiet', 'grey', 'brief', 'careful', 'ordinary', 'gentle', 'cold', 'bright', 'distant', 'familiar', 'small',
  'long', 'early', 'late', 'final', 'private', 'public', 'simple', 'strange', 'patient', 'restrained',
  'melancholy', 'deliberate', 'unspoken', 'fragile', 'remarkable', 'understated', 'particular', 'central',
  'important', 'difficult', 'obvious', 'subtle', 'open', 'closed', 'empty', 'crowded', 'English', 'rural',
  'institutional', 'emotional', 'visual', 'narrative', 'careful', 'honest', 'uncertain', 'hopeful', 'sad'
] as const

export const verbs = [
  'shows', 'suggests', 'reveals', 'hides', 'frames', 'follows', 'remembers', 'describes', 'questions', 'answers',
  'holds', 'keeps', 'loses', 'finds', 'returns to', 'leaves', 'watches', 'hears', 'explains', 'changes',
  'repeats', 'echoes', 'contrasts with', 'depends on', 'recalls', 'prepares', 'softens', 'sharpens',
  'complicates', 'reflects', 'mirrors', 'interrupts', 'closes', 'opens', 'carries', 'shapes', 'introduces'
] as const

export const adverbs = [
  'slowly', 'quietly', 'often', 'rarely', 'carefully', 'briefly', 'deliberately', 'gradually', 'suddenly',
  'gently', 'almost', 'never', 'always', 'clearly', 'plainly', 'finally', 'later', 'again', 'still'
] as const

export const prepositions = ['in', 'at', 'near', 'behind', 'beyond', 'through', 'across', 'after', 'before', 'during', 'under', 'beside'] as const

export const determiners = ['the', 'the', 'the', 'a', 'this', 'that', 'each', 'every', 'one', 'its', 'their'] as const

export const openers = [
  'At first', 'Later', 'In the second half', 'For many viewers', 'In the novel', 'On screen', 'By contrast',
  'Even so', 'In this scene', 'Seen again', 'From the start', 'Near the end', 'As the critic notes',
  'In interviews', 'For the director', 'In the classroom', 'Years later', 'On a first viewing'
] as const

export const conjunctions = ['and', 'but', 'while', 'because', 'although', 'so', 'until', 'whereas'] as const

export const names = ['Marian', 'Edwin', 'Clara', 'Jonah', 'Miss Hale', 'Mr Ashdown', 'the narrator', 'the guardian', 'the headmistress'] as const

export const surnames = ['Hale', 'Ashdown', 'Moreno', 'Kaur', 'Lindqvist', 'Okafor', 'Brennan', 'Whitlock', 'Delacroix', 'Nakamura', 'Fitzroy', 'Adebayo', 'Sato', 'Pereira', 'Larsen'] as const

export const containers = ['The Daily Review', 'Film Quarterly Notes', 'Screen Weekly', 'The Northern Post', 'Cinema Journal Online', 'Reference Library'] as const

export const sourceKinds = ['film', 'novel', 'reference', 'review', 'interview', 'news', 'data', 'fan', 'other'] as const
